package dev.oauthplatform.auth.signin;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.oauthplatform.auth.user.LoginThrottledException;

/**
 * The sign-in form. It names the application the user is signing in to (from the authorization
 * request that sent them here), and says why a sign-in failed without telling whether the
 * username exists: a wrong password, an unknown user and a disabled account read the same.
 */
@Controller
class SignInController {

	static final String WRONG_CREDENTIALS = "The username or password is not right. Check them and try again.";

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final RegisteredClientRepository clients;

	SignInController(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@GetMapping("/login")
	String signIn(HttpServletRequest request, HttpServletResponse response, Model model) {
		AuthenticationException failure = (request.getParameter("error") != null) ? lastFailure(request) : null;
		model.addAttribute("appName", applicationBeingAuthorized(request, response));
		model.addAttribute("failure", (request.getParameter("error") != null) ? message(failure) : null);
		model.addAttribute("username", typedUsername(failure));
		model.addAttribute("signedOut", request.getParameter("logout") != null);
		return "signin/signin";
	}

	/** The name of the client whose authorization request is waiting for this sign-in, if any. */
	private String applicationBeingAuthorized(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest waiting = this.requestCache.getRequest(request, response);
		String[] clientIds = (waiting != null) ? waiting.getParameterValues(OAuth2ParameterNames.CLIENT_ID) : null;
		if (clientIds == null || clientIds.length != 1) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(clientIds[0]);
		return (client != null) ? client.getClientName() : null;
	}

	private static AuthenticationException lastFailure(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		return (failure instanceof AuthenticationException exception) ? exception : null;
	}

	private static String message(AuthenticationException failure) {
		if (failure instanceof LoginThrottledException throttled) {
			return "Too many attempts. Try again in " + minutes(throttled.getWait()) + ".";
		}
		return WRONG_CREDENTIALS;
	}

	/** Typed again into the form, so that only the password needs retyping; never the password itself. */
	private static String typedUsername(AuthenticationException failure) {
		Authentication attempt = (failure != null) ? failure.getAuthenticationRequest() : null;
		return (attempt != null) ? attempt.getName() : null;
	}

	/** Rounded up, so that waiting as long as told always works. */
	static String minutes(Duration wait) {
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

}
