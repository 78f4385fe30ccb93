package dev.oauthplatform.auth.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Every endpoint also answers at its trailing-slash path ({@code /oauth2/token/}, as seed 002's
 * clients call it): the request is seen without the slash before security matches it.
 */
@Configuration(proxyBeanMethods = false)
public class TrailingSlashConfig {

	@Bean
	FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
		FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
				UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
		// right inside the request id (tracing's RequestIdAutoConfiguration, HIGHEST_PRECEDENCE)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
