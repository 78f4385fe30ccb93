package dev.oauthplatform.tracing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The {@link RequestIdFilter} of every service, registered once for all three: first of all
 * servlet filters, outside and before Spring Security's chain, so that every answer carries the id
 * (the chain's 401s, 403s and redirects and the error pages included) and every log line of the
 * request has it. A service's own filters that must see the id come after it
 * ({@code Ordered.HIGHEST_PRECEDENCE + 1} and later: a tie would put it after them, since auto-configured beans come last).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestIdAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
