package dev.oauthplatform.auth.authorize;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.consent.ConsentDecision;
import dev.oauthplatform.auth.consent.ConsentRequired;
import dev.oauthplatform.auth.protocol.ProtocolHook;

/**
 * The authorization endpoint: default scopes, errors sent back to a verified redirect URI, exact
 * redirect URI rules, when consent is asked, our consent page and response pages, and
 * {@code prompt=none} answered without a sign-in page.
 */
@Component
class AuthorizationEndpointHooks implements ProtocolHook {

	private final RegisteredClientRepository clients;

	private final AuthorizationServerSettings endpoints;

	AuthorizationEndpointHooks(RegisteredClientRepository clients, AuthorizationServerSettings endpoints) {
		this.clients = clients;
		this.endpoints = endpoints;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		AuthorizationResponseHandler responses = new AuthorizationResponseHandler();
		server.authorizationEndpoint((authorize) -> authorize
			.authorizationRequestConverters((converters) -> converters.replaceAll((converter) ->
					new DefaultScopesConverter(new RedirectableErrors(converter, this.clients), this.clients)))
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
			.authorizationResponseHandler(responses)
			.errorResponseHandler(responses));
	}

	@Override
	public void customize(HttpSecurity http) {
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				new PromptNoneEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"), this.clients),
				PathPatternRequestMatcher.pathPattern(this.endpoints.getAuthorizationEndpoint())));
	}

}
