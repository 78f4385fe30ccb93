package dev.oauthplatform.admin.posture;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Short-lived access tokens limit what a leaked one is worth: bearer JWTs are checked locally
 * by resource servers, so revocation reaches them only at expiry.
 */
final class AccessTokenLifetimeRule implements PostureRule {

	static final String ID = "access-token-lifetime";

	static final int RECOMMENDED_SECONDS = 900;

	private static final int LONGEST_SECONDS = 3600;

	private static final String REFERENCE = "RFC 9700 §4.10, RFC 6819 §5.1.5.3";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (client.accessTokenTtl() == null) {
			return Optional.empty();
		}
		String lifetime = describe(client.accessTokenTtl());
		if (client.accessTokenTtl() <= LONGEST_SECONDS) {
			return Optional.of(Finding.pass(ID, "Short access token lifetime",
					"Access tokens live " + lifetime + ".", REFERENCE));
		}
		return Optional.of(Finding.warn(ID, "Long access token lifetime",
				"Access tokens live " + lifetime + ": a leaked one keeps working that long, even after "
						+ "revocation, wherever it is checked without introspection. 15 minutes is enough when the "
						+ "client can refresh or fetch a new token.",
				REFERENCE).withFix("Set to 15 minutes"));
	}

	static String describe(int seconds) {
		Duration duration = Duration.ofSeconds(seconds);
		if (seconds % 3600 == 0) {
			return duration.toHours() + (seconds == 3600 ? " hour" : " hours");
		}
		if (seconds % 60 == 0) {
			return duration.toMinutes() + (seconds == 60 ? " minute" : " minutes");
		}
		return seconds + " seconds";
	}

}
