package dev.oauthplatform.auth.scope;

import java.util.Set;

/**
 * RFC 6749 §3.3 lets the server pick a default when a request has no {@code scope}: ours is
 * every scope the client is registered with (seed 002's clients never send one). The one rule
 * for the authorization, client credentials and password grants.
 */
public final class DefaultScopes {

	private DefaultScopes() {
	}

	/** @param registered what the client may have (for a grant that issues no ID token, without openid) */
	public static Set<String> forRequest(Set<String> requested, Set<String> registered) {
		return requested.isEmpty() ? registered : requested;
	}

}
