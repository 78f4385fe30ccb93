package dev.oauthplatform.auth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

import dev.oauthplatform.auth.protocol.Supported;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * The rules of each client type (DESIGN.md's table) and of RFC 9700, checked on every
 * registration and update. Each refusal says what to change.
 */
final class ClientPolicy {

	/** RFC 3986 unreserved characters: safe in a URL and in a form body unencoded. */
	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,100}");

	/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
	private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

	private static final Set<String> AUTH_METHODS = Set.copyOf(Supported.values(Supported.TOKEN_ENDPOINT_METHODS));

	private static final Set<String> GRANTS = Set.copyOf(Supported.grantTypeValues());

	private static final String IMPLICIT_REFUSED = "The implicit grant is not supported: it puts tokens in the "
			+ "browser's address bar (RFC 9700 §2.1.2). Use authorization_code with PKCE";

	static final long MIN_TTL_SECONDS = 60;

	static final long MAX_ACCESS_TTL_SECONDS = 24 * 3600;

	static final long MAX_REFRESH_TTL_SECONDS = 365 * 24 * 3600;

	private static final int MAX_SCOPES = 100;

	private static final int MAX_AUDIENCES = 20;

	private ClientPolicy() {
	}

	static void check(OAuthClient client) {
		checkClientId(client.getClientId());
		checkName(client.getClientName());
		checkAuthMethod(client);
		checkGrants(client);
		checkRedirectUris(client);
		checkScopes(client.getScopes());
		checkPkce(client);
		checkTokenSettings(client);
		checkResourceSettings(client);
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

	private static void checkGrants(OAuthClient client) {
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

	private static void checkTokenSettings(OAuthClient client) {
		if (!Set.of("jwt", "reference").contains(client.getAccessTokenFormat())) {
			throw metadata("access_token_format must be 'jwt' or 'reference'");
		}
		checkTtl("access_token_ttl", client.getAccessTokenTtlSeconds(), MAX_ACCESS_TTL_SECONDS);
		checkTtl("refresh_token_ttl", client.getRefreshTokenTtlSeconds(), MAX_REFRESH_TTL_SECONDS);
	}

	/**
	 * Introspection is for confidential clients only, and audiences are RFC 8707 resource
	 * indicators: absolute URIs without a fragment.
	 */
	private static void checkResourceSettings(OAuthClient client) {
		if (client.isResourceServer() && client.isPublic()) {
			throw metadata("resource_server needs a confidential client: introspection authenticates with a secret");
		}
		if (client.getAudiences().size() > MAX_AUDIENCES) {
			throw metadata("at most " + MAX_AUDIENCES + " audiences");
		}
		for (String audience : client.getAudiences()) {
			if (!isResourceIndicator(audience)) {
				throw metadata("audience '" + audience + "' must be an absolute URI without a fragment (RFC 8707 §2), "
						+ "at most 2000 characters");
			}
		}
	}

	private static boolean isResourceIndicator(String audience) {
		if (audience == null) {
			return false;
		}
		try {
			URI uri = new URI(audience);
			return audience.length() <= 2000 && uri.isAbsolute() && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void checkTtl(String name, long seconds, long max) {
		if (seconds < MIN_TTL_SECONDS || seconds > max) {
			throw metadata(name + " must be between " + MIN_TTL_SECONDS + " and " + max + " seconds");
		}
	}

	private static String sorted(Collection<String> values) {
		return values.stream().sorted().collect(Collectors.joining(", "));
	}

}
