package dev.oauthplatform.admin.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.oauthplatform.admin.api.AdminApiException;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * auth-server's refusals as sentences. A refused form goes back to its page with the reason in
 * the flash message; a page that cannot be read shows the error page; a sign-in that
 * auth-server no longer accepts ends the console session.
 */
@ControllerAdvice
class AdminApiErrorAdvice {

	private static final Log logger = LogFactory.getLog(AdminApiErrorAdvice.class);

	private static final Pattern RESOURCE_PAGE = Pattern.compile("^/(clients|users)(/[^/]+)?");

	@ExceptionHandler(AdminApiException.class)
	ModelAndView refused(AdminApiException ex, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes flash) throws ServletException {
		if (ex.isUnauthenticated()) {
			return signOut(request);
		}
		if ("POST".equals(request.getMethod())) {
			Flash.error(flash, ex.getMessage());
			return new ModelAndView("redirect:" + pageOf(request.getRequestURI()));
		}
		response.setStatus(ex.status());
		ModelAndView error = new ModelAndView("error");
		error.setStatus(org.springframework.http.HttpStatusCode.valueOf(ex.status()));
		error.addObject("status", ex.status());
		error.addObject("error", ex.error());
		error.addObject("message", ex.getMessage());
		return error;
	}

	/** The refresh token was refused (revoked, expired, admin disabled): sign in again. */
	@ExceptionHandler(ClientAuthorizationException.class)
	ModelAndView reauthorize(ClientAuthorizationException ex, HttpServletRequest request) throws ServletException {
		logger.debug("Admin API authorization failed: " + ex.getError().getErrorCode());
		return signOut(request);
	}

	private ModelAndView signOut(HttpServletRequest request) throws ServletException {
		request.logout();
		return new ModelAndView("redirect:/signed-out");
	}

	/** /clients/x/secret goes back to /clients/x, /users goes back to /users, every scope form to /scopes. */
	static String pageOf(String path) {
		if (path.startsWith("/scopes")) {
			return "/scopes";
		}
		Matcher matcher = RESOURCE_PAGE.matcher(path);
		if (!matcher.find()) {
			return "/clients";
		}
		String item = matcher.group(2);
		return "/" + matcher.group(1) + ((item != null && !item.equals("/new")) ? item : "");
	}

}
