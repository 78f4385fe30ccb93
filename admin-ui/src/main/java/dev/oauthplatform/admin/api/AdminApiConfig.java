package dev.oauthplatform.admin.api;

import java.time.Duration;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The admin API client: every call carries the signed-in admin's access token, refreshed a
 * minute before it expires (auth-server rotates the refresh token; the manager keeps the new one).
 */
@Configuration(proxyBeanMethods = false)
class AdminApiConfig {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.clockSkew(CLOCK_SKEW))
			.build();
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	@Bean
	RestClient adminApiRestClient(ConsoleProperties console, OAuth2AuthorizedClientManager manager,
			OAuth2AuthorizedClientRepository authorizedClients) {
		OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
		bearer.setClientRegistrationIdResolver((request) -> console.clientId());
		// a 401 invalid_token forgets the tokens, so the next sign-in starts clean
		bearer.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
		return RestClient.builder()
			.baseUrl(console.issuer())
			.requestInterceptor(bearer)
			.configureMessageConverters((converters) -> converters
				.withJsonConverter(new JacksonJsonHttpMessageConverter(snakeCaseJson())))
			.defaultStatusHandler((status) -> status.isError(), AdminApiException::from)
			.build();
	}

	/** The admin API speaks snake_case (RFC 7591); only this client needs to know. */
	static JsonMapper snakeCaseJson() {
		return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
	}

}
