package dev.oauthplatform.auth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * What a client's tokens may be: their format and lifetimes, who they are for (audiences) and
 * whether the client may introspect others' tokens.
 */
final class TokenRules {

	static final long MIN_TTL_SECONDS = 60;

	static final long MAX_ACCESS_TTL_SECONDS = 24 * 3600;

	static final long MAX_REFRESH_TTL_SECONDS = 365 * 24 * 3600;

	private static final int MAX_AUDIENCES = 20;

	private TokenRules() {
	}

	static void checkTokenSettings(OAuthClient client) {
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
	static void checkResourceSettings(OAuthClient client) {
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

}
