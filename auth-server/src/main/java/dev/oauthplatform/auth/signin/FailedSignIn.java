package dev.oauthplatform.auth.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import dev.oauthplatform.auth.persistence.DatabaseUnreachable;

/**
 * Back to the form with the reason kept in the session, as Spring Security does, but without the
 * password: the failed attempt rides along with the exception, and only its username is needed
 * to fill the form again. A database out of reach is no failed sign-in: it goes on up, to be
 * answered 503 (config/DatabaseOutageGuard) rather than "wrong username or password".
 */
public class FailedSignIn extends SimpleUrlAuthenticationFailureHandler {

	public FailedSignIn() {
		super("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (DatabaseUnreachable.is(exception)) {
			throw exception;
		}
		Authentication attempt = exception.getAuthenticationRequest();
		if (attempt != null) {
			exception.setAuthenticationRequest(UsernamePasswordAuthenticationToken.unauthenticated(attempt.getName(), null));
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
