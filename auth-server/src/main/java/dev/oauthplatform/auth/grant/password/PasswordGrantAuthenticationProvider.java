package dev.oauthplatform.auth.grant.password;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.util.Assert;

import dev.oauthplatform.auth.protocol.Supported;
import dev.oauthplatform.auth.scope.DefaultScopes;
import dev.oauthplatform.auth.user.LoginThrottledException;

/**
 * Issues tokens for the password grant, only to clients registered for it. The user's password
 * is checked by the same authentication manager as the login form. No id_token: this grant has
 * no OpenID Connect flow.
 */
final class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

	private static final Logger logger = LoggerFactory.getLogger(PasswordGrantAuthenticationProvider.class);

	private final AuthenticationManager users;

	private final OAuth2AuthorizationService authorizations;

	private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

	PasswordGrantAuthenticationProvider(AuthenticationManager users, OAuth2AuthorizationService authorizations,
			OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(authorizations, "authorizations cannot be null");
		Assert.notNull(tokenGenerator, "tokenGenerator cannot be null");
		this.users = users;
		this.authorizations = authorizations;
		this.tokenGenerator = tokenGenerator;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		PasswordGrantAuthenticationToken request = (PasswordGrantAuthenticationToken) authentication;
		OAuth2ClientAuthenticationToken clientPrincipal = authenticatedClient(request);
		RegisteredClient client = clientPrincipal.getRegisteredClient();
		if (!client.getAuthorizationGrantTypes().contains(Supported.PASSWORD_GRANT)) {
			throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "This client is not registered for the password grant");
		}
		Set<String> scopes = authorizedScopes(request, client);
		Authentication user = authenticateUser(request);

		DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
			.registeredClient(client)
			.principal(user)
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorizedScopes(scopes)
			.authorizationGrantType(Supported.PASSWORD_GRANT)
			.authorizationGrant(request);
		OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
			.principalName(user.getName())
			.authorizationGrantType(Supported.PASSWORD_GRANT)
			.authorizedScopes(scopes)
			.attribute(Principal.class.getName(), user);

		OAuth2AccessToken accessToken = accessToken(authorization,
				generate(context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build()), scopes);
		OAuth2RefreshToken refreshToken = null;
		if (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
			OAuth2Token generated = generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
			if (generated instanceof OAuth2RefreshToken token) {
				refreshToken = token;
				authorization.refreshToken(token);
			}
		}
		this.authorizations.save(authorization.build());
		logger.debug("Issued password grant tokens to client '{}'", client.getClientId());
		return new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken, refreshToken);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication request) {
		if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
			return client;
		}
		throw error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed");
	}

	/** What was asked for, if the client may have it, or its {@link DefaultScopes}; no ID token here. */
	private static Set<String> authorizedScopes(PasswordGrantAuthenticationToken request, RegisteredClient client) {
		Set<String> allowed = new LinkedHashSet<>(client.getScopes());
		allowed.remove(OidcScopes.OPENID);
		Set<String> requested = DefaultScopes.forRequest(request.getScopes(), allowed);
		if (!allowed.containsAll(requested)) {
			throw error(OAuth2ErrorCodes.INVALID_SCOPE, "The requested scope is not allowed for this client");
		}
		return requested;
	}

	private Authentication authenticateUser(PasswordGrantAuthenticationToken request) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(request.getUsername(), request.getPassword());
		// The client's address (the token endpoint put it in the request's details): the throttle counts by it.
		attempt.setDetails(request.getDetails());
		try {
			return this.users.authenticate(attempt);
		}
		catch (LoginThrottledException ex) {
			// Says only how long to wait, for unknown and known usernames alike.
			throw error(OAuth2ErrorCodes.INVALID_GRANT, ex.getMessage());
		}
		catch (AuthenticationException ex) {
			// One answer for unknown user, wrong password and disabled account: no user enumeration.
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "Invalid username or password");
		}
	}

	private OAuth2Token generate(OAuth2TokenContext context) {
		OAuth2Token token = this.tokenGenerator.generate(context);
		if (token == null) {
			throw error(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate a token");
		}
		return token;
	}

	private static OAuth2AccessToken accessToken(OAuth2Authorization.Builder authorization, OAuth2Token token,
			Set<String> scopes) {
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				token.getTokenValue(), token.getIssuedAt(), token.getExpiresAt(), scopes);
		if (token instanceof ClaimAccessor claims) {
			authorization.token(accessToken,
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
		}
		else {
			authorization.accessToken(accessToken);
		}
		return accessToken;
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, PasswordGrant.ERROR_URI));
	}

}
