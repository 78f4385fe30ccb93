package dev.oauthplatform.resource.note;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.oauthplatform.resource.caller.Caller;
import dev.oauthplatform.resource.caller.CurrentRequestArgument;

/**
 * The user whose notes a request reads or writes: the token's {@code sub}. A token without a user
 * (client_credentials) has none, and is refused before its request body is even read.
 */
record NoteOwner(String subject) {

	static NoteOwner of(Caller caller) {
		if (!caller.isUser()) {
			throw new NotesBelongToUsersException();
		}
		return new NoteOwner(caller.subject());
	}

	static final class NotesBelongToUsersException extends RuntimeException {

		NotesBelongToUsersException() {
			super("Notes belong to users", null, false, false);
		}

	}

	/** Handler methods take a {@link NoteOwner} parameter. */
	@Configuration(proxyBeanMethods = false)
	static class ArgumentConfig implements WebMvcConfigurer {

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new CurrentRequestArgument<>(NoteOwner.class, () -> NoteOwner.of(Caller.current())));
		}

	}

}
