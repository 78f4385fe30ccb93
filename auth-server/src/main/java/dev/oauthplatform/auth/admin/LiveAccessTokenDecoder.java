package dev.oauthplatform.auth.admin;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.oauthplatform.auth.token.JpaOAuth2AuthorizationService;

/**
 * The admin API lives beside the token store, so it need not trust a signature alone: a user's
 * access token counts only while its authorization holds it unrevoked. Revoking an admin's grant,
 * disabling or deleting the admin, ends their API access at once, not at token expiry.
 */
final class LiveAccessTokenDecoder implements JwtDecoder {

	private final JwtDecoder signatures;

	private final JpaOAuth2AuthorizationService authorizations;

	LiveAccessTokenDecoder(JwtDecoder signatures, JpaOAuth2AuthorizationService authorizations) {
		this.signatures = signatures;
		this.authorizations = authorizations;
	}

	@Override
	public Jwt decode(String token) {
		Jwt jwt = this.signatures.decode(token);
		OAuth2Authorization authorization = this.authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
		OAuth2Authorization.Token<?> accessToken = (authorization != null) ? authorization.getAccessToken() : null;
		if (accessToken == null || !accessToken.isActive()) {
			throw new BadJwtException("The access token was revoked or is not a user's token");
		}
		return jwt;
	}

}
