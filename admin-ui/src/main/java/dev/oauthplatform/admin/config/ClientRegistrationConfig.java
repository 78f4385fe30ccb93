package dev.oauthplatform.admin.config;

import java.util.Map;

import dev.oauthplatform.admin.api.ConsoleProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistration.ClientSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The console as the confidential client {@code admin-console}. Endpoints are written out from
 * the issuer instead of discovered: discovery at start-up would make admin-ui fail whenever
 * auth-server starts at the same time or a moment later.
 */
@Configuration(proxyBeanMethods = false)
class ClientRegistrationConfig {

	static final String REGISTRATION_ID = "admin-console";

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(ConsoleProperties console) {
		String issuer = console.issuer();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(console.clientId())
			.clientSecret(console.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "admin")
			// auth-server requires PKCE of this client; Spring adds it to confidential clients only when asked.
			.clientSettings(ClientSettings.builder().requireProofKey(true).build())
			.issuerUri(issuer)
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(issuer + "/oauth2/token")
			.jwkSetUri(issuer + "/oauth2/jwks")
			.userInfoUri(issuer + "/userinfo")
			.userNameAttributeName(IdTokenClaimNames.SUB)
			// read by OidcClientInitiatedLogoutSuccessHandler for RP-initiated logout
			.providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
			.clientName("Admin console")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Tokens live in the server-side HTTP session, without the registration (and its secret). */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository(ClientRegistrationRepository registrations) {
		return new SessionTokens(registrations);
	}

}
