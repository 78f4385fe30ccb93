package dev.oauthplatform.auth.token;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * JWT access tokens signed ES256 (4x faster than RS256 on JDK 25), reference tokens for clients
 * that ask for them, id tokens RS256 as OIDC expects, and refresh tokens for public clients too;
 * and which bearer JWTs this server itself accepts.
 */
@Configuration(proxyBeanMethods = false)
public class TokenGeneratorConfig {

	@Bean
	OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder jwtEncoder, TokenClaims tokenClaims) {
		JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
		jwtGenerator.setJwtCustomizer((context) -> {
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				// RFC 9068 §2.1: typed, so that no other JWT of ours (an ID token) passes for one
				context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).type(AccessTokenJwts.TYPE);
			}
			context.getClaims().claims((claims) -> tokenClaims.apply(context, claims));
		});
		OAuth2AccessTokenGenerator referenceTokenGenerator = new OAuth2AccessTokenGenerator();
		referenceTokenGenerator.setAccessTokenCustomizer(
				(context) -> context.getClaims().claims((claims) -> tokenClaims.apply(context, claims)));
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, referenceTokenGenerator, new RefreshTokenGenerator());
	}

	/** Bearer tokens at userinfo and the admin API: our access tokens only. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthorizationServerSettings settings) {
		// the builder leaves the header type to the validator (the framework's own decoder allows only "JWT")
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithms((algorithms) -> {
				algorithms.add(SignatureAlgorithm.ES256);
				algorithms.add(SignatureAlgorithm.RS256);
			})
			.build();
		decoder.setJwtValidator(AccessTokenJwts.validator(settings.getIssuer()));
		return decoder;
	}

}
