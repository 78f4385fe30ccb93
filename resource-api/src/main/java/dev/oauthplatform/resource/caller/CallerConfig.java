package dev.oauthplatform.resource.caller;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Handler methods take a {@link Caller} parameter to know who calls. */
@Configuration(proxyBeanMethods = false)
class CallerConfig implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentRequestArgument<>(Caller.class, Caller::current));
	}

}
