package dev.oauthplatform.auth.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.config.AuthProperties;
import dev.oauthplatform.auth.user.AppUser;
import dev.oauthplatform.auth.user.AppUserRepository;

/**
 * The claims of our access tokens (RFC 9068) and the subject of id tokens: {@code sub} is the
 * user's immutable id (the client_id for a client_credentials token), {@code scope} one
 * space-separated string, {@code aud} the APIs the token is for ({@link TokenAudiences}).
 */
@Component
public class TokenClaims {

	private final AppUserRepository users;

	private final String defaultAudience;

	public TokenClaims(AppUserRepository users, AuthProperties properties) {
		this.users = users;
		this.defaultAudience = properties.tokens().defaultAudience();
	}

	public void apply(OAuth2TokenContext context, Map<String, Object> claims) {
		applySubject(context, claims);
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		claims.put("client_id", context.getRegisteredClient().getClientId());
		// a mutable list: the authorization store serializes claims with an allow-list of types
		claims.put("aud", new ArrayList<>(audiences(context)));
		if (context.getAuthorizedScopes().isEmpty()) {
			claims.remove(OAuth2ParameterNames.SCOPE);
		}
		else {
			claims.put(OAuth2ParameterNames.SCOPE, String.join(" ", context.getAuthorizedScopes()));
		}
	}

	/**
	 * A user's token names the user the grant was made by, looked up by immutable id (the grant's
	 * principal name); a user disabled or deleted since the grant began gets no further token, even
	 * if a code or refresh token slipped past the revocation that disabling triggers.
	 */
	private void applySubject(OAuth2TokenContext context, Map<String, Object> claims) {
		if (!(context.getPrincipal() instanceof UsernamePasswordAuthenticationToken principal)) {
			return;
		}
		String userId = (context.getAuthorization() != null) ? context.getAuthorization().getPrincipalName()
				: principal.getName();
		AppUser user = this.users.findById(userId)
			.filter(AppUser::isEnabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The user of this grant no longer exists or is disabled", null)));
		claims.put("sub", user.getId());
		claims.put("preferred_username", user.getUsername());
	}

	private List<String> audiences(OAuth2TokenContext context) {
		Object resource = (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant)
				? grant.getAdditionalParameters().get(TokenAudiences.RESOURCE_PARAMETER) : null;
		return TokenAudiences.of(context.getRegisteredClient(), resource, this.defaultAudience);
	}

}
