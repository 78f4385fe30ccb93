package dev.oauthplatform.auth.client;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

import dev.oauthplatform.auth.protocol.Supported;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * Which grants and response types a client may ask for: only those the server supports
 * ({@link Supported}), only those of its type, never the implicit grant (RFC 9700 §2.1.2).
 */
final class GrantRules {

	private static final Set<String> GRANTS = Set.copyOf(Supported.grantTypeValues());

	private static final String IMPLICIT_REFUSED = "The implicit grant is not supported: it puts tokens in the "
			+ "browser's address bar (RFC 9700 §2.1.2). Use authorization_code with PKCE";

	private GrantRules() {
	}

	/** RFC 7591 §2.1: only {@code code}, and exactly when the client uses the code grant. */
	static void checkResponseTypes(Collection<String> responseTypes, Collection<String> grantTypes) {
		if (responseTypes == null) {
			return;
		}
		for (String responseType : responseTypes) {
			if (responseType.contains("token")) {
				throw metadata(IMPLICIT_REFUSED);
			}
			if (!"code".equals(responseType)) {
				throw metadata("response_type '" + responseType + "' is not supported; only 'code' is");
			}
		}
		boolean usesCode = grantTypes.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
		if (responseTypes.contains("code") != usesCode) {
			throw metadata("response_types must be [\"code\"] exactly when grant_types has authorization_code");
		}
	}

	static void checkGrantNames(Collection<String> grantTypes) {
		for (String grant : grantTypes) {
			if ("implicit".equals(grant)) {
				throw metadata(IMPLICIT_REFUSED);
			}
			if (!GRANTS.contains(grant)) {
				throw metadata("grant type '" + grant + "' is not supported; use one of " + sorted(GRANTS));
			}
		}
	}

	/** Supported grants, all of them allowed for the client's type, and not a refresh grant alone. */
	static void checkGrants(OAuthClient client) {
		Set<String> grants = client.getGrantTypes();
		if (grants.isEmpty()) {
			throw metadata("grant_types must not be empty");
		}
		checkGrantNames(grants);
		Set<String> allowed = client.getClientType()
			.allowedGrants()
			.stream()
			.map(AuthorizationGrantType::getValue)
			.collect(Collectors.toSet());
		if (!allowed.containsAll(grants)) {
			throw metadata(client.getClientType().value() + " clients may use only " + sorted(allowed));
		}
		if (grants.equals(Set.of(AuthorizationGrantType.REFRESH_TOKEN.getValue()))) {
			throw metadata("refresh_token needs a grant that issues refresh tokens beside it");
		}
	}

	private static String sorted(Collection<String> values) {
		return values.stream().sorted().collect(Collectors.joining(", "));
	}

}
