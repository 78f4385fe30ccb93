package dev.oauthplatform.auth.signin;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed sign-in leaves in the session for the form to show: the username, never the password. */
class FailedSignInTest {

	@Test
	void theSessionKeepsTheUsernameButNotThePassword() throws Exception {
		BadCredentialsException failure = new BadCredentialsException("Bad credentials");
		failure.setAuthenticationRequest(UsernamePasswordAuthenticationToken.unauthenticated("alice", "hunter2-secret"));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		MockHttpServletResponse response = new MockHttpServletResponse();

		new FailedSignIn().onAuthenticationFailure(request, response, failure);

		AuthenticationException kept = (AuthenticationException) request.getSession()
			.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		assertThat(kept.getAuthenticationRequest().getName()).isEqualTo("alice");
		assertThat(kept.getAuthenticationRequest().getCredentials()).isNull();
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
	}

}
