package dev.oauthplatform.auth.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.oauthplatform.auth.token.TokenSubjects.TokenSubject;

/**
 * The claims of our access tokens (RFC 9068) and the subject of id tokens: {@code sub} is the
 * user's immutable id (the client_id for a client_credentials token), {@code scope} one
 * space-separated string, {@code aud} the APIs the token is for ({@link TokenAudiences}).
 */
@Component
@EnableConfigurationProperties(TokenProperties.class)
public class TokenClaims {

	private static final String SUBJECT_OF_THIS_REQUEST = TokenClaims.class.getName() + ".subject";

	private final TokenSubjects subjects;

	private final String defaultAudience;

	public TokenClaims(TokenSubjects subjects, TokenProperties properties) {
		this.subjects = subjects;
		this.defaultAudience = properties.defaultAudience();
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
		TokenSubject user = subject(userId);
		claims.put("sub", user.id());
		claims.put("preferred_username", user.username());
	}

	/** Read once per request: the access token and the ID token of one response name the same user. */
	private TokenSubject subject(String userId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(SUBJECT_OF_THIS_REQUEST,
				RequestAttributes.SCOPE_REQUEST) instanceof TokenSubject read && read.id().equals(userId)) {
			return read;
		}
		TokenSubject user = this.subjects.findActive(userId)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The user of this grant no longer exists or is disabled", null)));
		if (request != null) {
			request.setAttribute(SUBJECT_OF_THIS_REQUEST, user, RequestAttributes.SCOPE_REQUEST);
		}
		return user;
	}

	private List<String> audiences(OAuth2TokenContext context) {
		Object resource = (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant)
				? grant.getAdditionalParameters().get(TokenAudiences.RESOURCE_PARAMETER) : null;
		return TokenAudiences.of(context.getRegisteredClient(), resource, this.defaultAudience);
	}

}
