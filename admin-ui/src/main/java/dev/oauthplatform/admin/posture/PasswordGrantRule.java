package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Optional;

/** RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used. */
final class PasswordGrantRule implements PostureRule {

	static final String ID = "password-grant";

	@Override
	public Optional<Finding> check(ClientSettings client, List<String> grantTypesSupported) {
		if (!client.hasGrant("password")) {
			return Optional.empty();
		}
		// as auth-server's discovery document says; unknown reads as not offered
		String deviceGrant = grantTypesSupported.contains(ClientSettings.DEVICE_CODE_GRANT) ? ", which auth-server offers"
				: " when auth-server offers it";
		return Optional.of(Finding.warn(ID, "Password grant in use",
				"This tool handles the user's password itself: the password is exposed to the client, and "
						+ "sign-in cannot add a second factor or any step the authorization server would show. "
						+ "Move it to the browser: a native client with a loopback redirect and PKCE, or the device "
						+ "authorization grant (RFC 8628)" + deviceGrant + ". There is no one-click fix: "
						+ "the tool itself has to change.",
				"RFC 9700 §2.4"));
	}

}
