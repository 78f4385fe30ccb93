package dev.oauthplatform.resource.caller;

import java.util.function.Supplier;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives handler methods a parameter of one type, taken from the request being served. */
public record CurrentRequestArgument<T>(Class<T> type, Supplier<T> value) implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return this.type.equals(parameter.getParameterType());
	}

	@Override
	public T resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return this.value.get();
	}

}
