package dev.oauthplatform.auth.client;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.protocol.ProtocolHook;

/**
 * How clients authenticate at the protocol endpoints: a malformed attempt is refused first, public
 * clients identify themselves where RFC 6749/7009 let them, secrets are checked against our hashes
 * (and their use recorded), and a missing authentication is a JSON {@code invalid_client}.
 */
@Component
class ClientAuthenticationHooks implements ProtocolHook {

	private final RegisteredClientRepository clients;

	private final ClientSecretHasher secretHasher;

	private final ClientSecrets secrets;

	private final AuthorizationServerSettings endpoints;

	ClientAuthenticationHooks(RegisteredClientRepository clients, ClientSecretHasher secretHasher,
			ClientSecrets secrets, AuthorizationServerSettings endpoints) {
		this.clients = clients;
		this.secretHasher = secretHasher;
		this.secrets = secrets;
		this.endpoints = endpoints;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server.clientAuthentication((clientAuthentication) -> clientAuthentication
			.authenticationConverters((converters) -> converters.add(0, new ClientAuthenticationRequestValidator()))
			.authenticationConverter(new PublicClientTokenRequestConverter(this.endpoints))
			.authenticationProvider(new PublicClientTokenRequestAuthenticationProvider(this.clients))
			.authenticationProviders((providers) -> providers.replaceAll((provider) -> {
				if (provider instanceof ClientSecretAuthenticationProvider secretCheck) {
					secretCheck.setPasswordEncoder(this.secretHasher);
					return new SecretUseRecordingProvider(secretCheck, this.secrets);
				}
				return provider;
			})));
	}

	@Override
	public void customize(HttpSecurity http) {
		OrRequestMatcher clientAuthenticated = new OrRequestMatcher(
				PathPatternRequestMatcher.pathPattern(this.endpoints.getTokenEndpoint()),
				PathPatternRequestMatcher.pathPattern(this.endpoints.getTokenIntrospectionEndpoint()),
				PathPatternRequestMatcher.pathPattern(this.endpoints.getTokenRevocationEndpoint()),
				PathPatternRequestMatcher.pathPattern(this.endpoints.getDeviceAuthorizationEndpoint()));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new InvalidClientEntryPoint(), clientAuthenticated));
	}

}
