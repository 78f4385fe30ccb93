package dev.oauthplatform.resource.caller;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * Who is calling, from a verified access token (a JWT or an introspected reference token).
 *
 * @param subject the token's {@code sub}: a user's immutable id, or for client_credentials the client's id
 * @param clientId the client the token was issued to
 * @param scopes the granted scopes
 * @param username {@code preferred_username} (JWT) or {@code username} (introspection); null without a user
 */
public record Caller(String subject, String clientId, SortedSet<String> scopes, String username) {

	/** A token without a user: auth-server gives client_credentials tokens {@code sub == client_id}. */
	public boolean isUser() {
		return this.clientId == null || !this.clientId.equals(this.subject);
	}

	/** The caller of the request being handled. */
	public static Caller current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	static Caller of(Authentication authentication) {
		if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
			throw new IllegalStateException("Not a bearer token authentication: " + authentication);
		}
		Map<String, Object> claims = token.getTokenAttributes();
		String subject = text(claims.get("sub"));
		String clientId = text(claims.get("client_id"));
		TreeSet<String> scopes = new TreeSet<>();
		for (GrantedAuthority authority : token.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("SCOPE_")) {
				scopes.add(name.substring("SCOPE_".length()));
			}
		}
		boolean user = clientId == null || !clientId.equals(subject);
		String username = user ? text(claims.getOrDefault("preferred_username", claims.get("username"))) : null;
		return new Caller(subject, clientId, Collections.unmodifiableSortedSet(scopes), username);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
