package dev.oauthplatform.auth.protocol;

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

	/** The chain around them: filters, entry points. */
	default void customize(HttpSecurity http) {
	}

}
