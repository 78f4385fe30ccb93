package dev.oauthplatform.auth.protocol;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;

/**
 * What a feature changes in the protocol endpoints' filter chain: each feature declares its own
 * hooks as a bean, and the chain is their assembly. A framework setting that takes one consumer
 * of a provider list (e.g. the authorization endpoint's providers) has one hook that sets it.
 */
public interface ProtocolHook {

	/** The framework's endpoints: converters, providers, handlers. */
	default void customize(OAuth2AuthorizationServerConfigurer server) {
	}

	/**
	 * One of the framework's token endpoint providers as this feature wants it: wrapped, replaced,
	 * or as it is. The chain passes each provider through every hook in one consumer, since the
	 * framework keeps only one.
	 */
	default AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return provider;
	}

	/** The chain around them: filters, entry points. */
	default void customize(HttpSecurity http) {
	}

}
