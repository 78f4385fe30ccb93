package dev.oauthplatform.auth.config;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.oauthplatform.auth.authorize.AuthorizationResponseHandler;
import dev.oauthplatform.auth.authorize.DefaultScopesConverter;
import dev.oauthplatform.auth.authorize.ErrorPage;
import dev.oauthplatform.auth.authorize.PromptNoneEntryPoint;
import dev.oauthplatform.auth.authorize.RedirectUriValidator;
import dev.oauthplatform.auth.client.BrowserOrigins;
import dev.oauthplatform.auth.client.ClientAuthenticationRequestValidator;
import dev.oauthplatform.auth.client.ClientSecretHasher;
import dev.oauthplatform.auth.client.ClientSecrets;
import dev.oauthplatform.auth.client.SecretUseRecordingProvider;
import dev.oauthplatform.auth.consent.ConsentDecision;
import dev.oauthplatform.auth.consent.ConsentRequired;
import dev.oauthplatform.auth.client.PublicClientTokenRequestAuthenticationProvider;
import dev.oauthplatform.auth.client.PublicClientTokenRequestConverter;
import dev.oauthplatform.auth.grant.clientcredentials.ClientCredentialsDefaultScopesConverter;
import dev.oauthplatform.auth.grant.password.PasswordGrantAuthenticationConverter;
import dev.oauthplatform.auth.grant.password.PasswordGrantAuthenticationProvider;
import dev.oauthplatform.auth.session.SessionValidity;
import dev.oauthplatform.auth.signout.RpInitiatedSignOut;
import dev.oauthplatform.auth.token.IntrospectionAccess;
import dev.oauthplatform.auth.token.JpaOAuth2AuthorizationService;
import dev.oauthplatform.auth.token.RefreshTokenReuseDetector;

/** The OAuth 2.0 / OpenID Connect protocol endpoints and how each departs from the framework's defaults. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
public class AuthorizationServerConfig {

	@Bean
	@Order(1)
	SecurityFilterChain protocolEndpoints(HttpSecurity http, RegisteredClientRepository clients,
			JpaOAuth2AuthorizationService authorizations, OAuth2TokenGenerator<OAuth2Token> tokenGenerator,
			ClientSecretHasher secretHasher, ClientSecrets secrets, AuthenticationManager users,
			SessionValidity sessionValidity, AuthProperties properties, AuthorizationServerSettings endpoints,
			BrowserOrigins browserOrigins) {
		AuthorizationResponseHandler authorizationResponses = new AuthorizationResponseHandler();
		ProtocolCors cors = new ProtocolCors(endpoints, browserOrigins);
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(), cors.preflights()));
			server
				.clientAuthentication((clientAuthentication) -> clientAuthentication
					.authenticationConverters((converters) -> converters.add(0, new ClientAuthenticationRequestValidator()))
					.authenticationConverter(new PublicClientTokenRequestConverter(endpoints))
					.authenticationProvider(new PublicClientTokenRequestAuthenticationProvider(clients))
					.authenticationProviders((providers) -> providers.replaceAll((provider) -> {
						if (provider instanceof ClientSecretAuthenticationProvider secretCheck) {
							secretCheck.setPasswordEncoder(secretHasher);
							return new SecretUseRecordingProvider(secretCheck, secrets);
						}
						return provider;
					})))
				.authorizationEndpoint((authorize) -> authorize
					.authorizationRequestConverters((converters) -> converters
						.replaceAll((converter) -> new DefaultScopesConverter(converter, clients)))
					.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider requests) {
							requests.setAuthenticationValidator(new RedirectUriValidator()
								.andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR));
							requests.setAuthorizationConsentRequired(new ConsentRequired());
						}
						if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consents) {
							consents.setAuthorizationConsentCustomizer(new ConsentDecision());
						}
					}))
					.consentPage("/oauth2/consent")
					.authorizationResponseHandler(authorizationResponses)
					.errorResponseHandler(authorizationResponses))
				.tokenEndpoint((token) -> token
					.accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
					.accessTokenRequestConverter(new ClientCredentialsDefaultScopesConverter())
					.authenticationProvider(new PasswordGrantAuthenticationProvider(users, authorizations, tokenGenerator))
					.authenticationProviders((providers) -> providers.replaceAll((provider) ->
							(provider instanceof OAuth2RefreshTokenAuthenticationProvider)
									? new RefreshTokenReuseDetector(provider, authorizations) : provider)))
				.tokenIntrospectionEndpoint((introspection) -> introspection
					.authenticationProviders((providers) -> providers.replaceAll((provider) ->
							(provider instanceof OAuth2TokenIntrospectionAuthenticationProvider)
									? new IntrospectionAccess(provider) : provider)))
				.authorizationServerMetadataEndpoint((metadata) -> metadata
					.authorizationServerMetadataCustomizer(SupportedFeatures::describe))
				.oidc((oidc) -> oidc
					.providerConfigurationEndpoint((configuration) -> configuration
						.providerConfigurationCustomizer(SupportedFeatures::describe))
					// answered here, not by an error dispatch: that would log the URL, id_token_hint included
					.logoutEndpoint((logout) -> logout.logoutResponseHandler(new RpInitiatedSignOut(clients))
						.errorResponseHandler((request, response, failure) -> ErrorPage.render(request, response,
								((OAuth2AuthenticationException) failure).getError()))));
		})
			// the authorization endpoint issues codes to the browser session: it must still stand
			.addFilterAfter(sessionValidity, SecurityContextHolderFilter.class)
			// the authorization endpoint answers with pages too (errors)
			.headers(PageHeaders.forIssuer(properties.issuer()))
			.cors((browsers) -> browsers.configurationSource(cors))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(userInfoOnly()).jwt((jwt) -> {
			}))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(
						new PromptNoneEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"), clients),
						PathPatternRequestMatcher.pathPattern("/oauth2/authorize"))
				.defaultAuthenticationEntryPointFor(new InvalidClientEntryPoint(), clientAuthenticatedEndpoints()));
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	/** Only userinfo takes a bearer token; elsewhere a Bearer header is just a failed client authentication. */
	private static BearerTokenResolver userInfoOnly() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		RequestMatcher userInfo = PathPatternRequestMatcher.pathPattern("/userinfo");
		return (request) -> userInfo.matches(request) ? resolver.resolve(request) : null;
	}

	@Bean
	FilterRegistrationBean<ProtocolRequestGuard> protocolRequestGuard() {
		FilterRegistrationBean<ProtocolRequestGuard> registration = new FilterRegistrationBean<>(
				new ProtocolRequestGuard());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	private static OrRequestMatcher clientAuthenticatedEndpoints() {
		List<RequestMatcher> endpoints = List.of(PathPatternRequestMatcher.pathPattern("/oauth2/token"),
				PathPatternRequestMatcher.pathPattern("/oauth2/introspect"),
				PathPatternRequestMatcher.pathPattern("/oauth2/revoke"));
		return new OrRequestMatcher(endpoints);
	}

}
