package dev.oauthplatform.auth.client;

import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

import dev.oauthplatform.auth.protocol.Supported;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * The rules of each client type (DESIGN.md's table) and of RFC 9700, checked on every
 * registration and update. Each refusal says what to change. Here: the client's identity, how it
 * authenticates, its scopes and whether it has redirect URIs; the grants are checked by
 * {@link GrantRules}, each redirect URI by {@link RedirectUriRules}, the tokens by {@link TokenRules}.
 */
final class ClientPolicy {

	/** RFC 3986 unreserved characters: safe in a URL and in a form body unencoded. */
	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

	/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

	private static final Set<String> AUTH_METHODS = Set.copyOf(Supported.values(Supported.TOKEN_ENDPOINT_METHODS));

	private static final int MAX_SCOPES = 100;

	private ClientPolicy() {
	}

	static void check(OAuthClient client) {
		checkClientId(client.getClientId());
		checkName(client.getClientName());
		checkAuthMethod(client);
		GrantRules.checkGrants(client);
		checkRedirectUris(client);
		checkScopes(client.getScopes());
		checkPkce(client);
		TokenRules.checkTokenSettings(client);
		TokenRules.checkResourceSettings(client);
	}

	private static void checkClientId(String clientId) {
		if (!CLIENT_ID.matcher(clientId).matches()) {
			throw metadata("client_id must be 1-100 URL-safe characters: letters, digits, '-', '.', '_' or '~'");
		}
	}

	private static void checkName(String name) {
		if (name == null || name.isBlank()) {
			throw metadata("client_name is required: admins and users see it on the consent page");
		}
		if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
			throw metadata("client_name must be at most 200 printable characters");
		}
	}

	private static void checkAuthMethod(OAuthClient client) {
		ClientType type = client.getClientType();
		for (String method : client.getAuthMethods()) {
			if (!AUTH_METHODS.contains(method)) {
				throw metadata("token_endpoint_auth_method '" + method
						+ "' is not supported; use client_secret_basic, client_secret_post or none");
			}
		}
		if (client.isPublic() && (type == ClientType.WEB || type == ClientType.M2M)) {
			throw metadata(type.value() + " clients are confidential: token_endpoint_auth_method must be "
					+ "client_secret_basic or client_secret_post");
		}
		if (!client.isPublic() && (type == ClientType.SPA || type == ClientType.NATIVE)) {
			throw metadata(type.value() + " clients are public (an app on a user's device cannot keep a secret): "
					+ "token_endpoint_auth_method must be none");
		}
	}

	private static void checkRedirectUris(OAuthClient client) {
		boolean usesCode = client.getGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
		if (usesCode && client.getRedirectUris().isEmpty()) {
			throw InvalidClientMetadataException.redirectUri("(none)",
					"authorization_code needs at least one redirect URI");
		}
		if (!usesCode && !client.getRedirectUris().isEmpty()) {
			throw new InvalidClientMetadataException(InvalidClientMetadataException.INVALID_REDIRECT_URI,
					client.getClientType().value() + " clients take no redirect URIs: they have no browser flow");
		}
		client.getRedirectUris().forEach((uri) -> RedirectUriRules.check(uri, client.getClientType()));
	}

	private static void checkScopes(Set<String> scopes) {
		if (scopes.size() > MAX_SCOPES) {
			throw metadata("at most " + MAX_SCOPES + " scopes");
		}
		for (String scope : scopes) {
			if (!SCOPE_TOKEN.matcher(scope).matches()) {
				throw metadata("scope '" + scope + "' is not an RFC 6749 scope token: printable ASCII, "
						+ "no spaces, quotes or backslashes, at most 100 characters");
			}
		}
	}

	private static void checkPkce(OAuthClient client) {
		if (client.isPublic() && !client.isRequirePkce()) {
			throw metadata("public clients always use PKCE: require_pkce cannot be false");
		}
	}

}
