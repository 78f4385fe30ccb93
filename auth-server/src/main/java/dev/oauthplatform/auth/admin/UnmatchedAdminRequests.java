package dev.oauthplatform.auth.admin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.oauthplatform.auth.protocol.OAuthErrorResponse;

/**
 * An unknown path or method under {@code /admin/api} answers in the admin API's error shape;
 * elsewhere (the login page, the framework's endpoints) Boot's own error handling stays.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedAdminRequests {

	private static final String PREFIX = "/admin/api/";

	@ExceptionHandler
	void noSuchEndpoint(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response)
			throws NoResourceFoundException, IOException {
		if (!request.getRequestURI().startsWith(PREFIX)) {
			throw ex; // rethrowing the same exception hands it on to Boot's default handling
		}
		OAuthErrorResponse.write(response, HttpStatus.NOT_FOUND, "not_found", "No such admin API endpoint");
	}

	@ExceptionHandler
	void wrongMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) throws HttpRequestMethodNotSupportedException, IOException {
		if (!request.getRequestURI().startsWith(PREFIX)) {
			throw ex;
		}
		if (ex.getSupportedHttpMethods() != null) {
			// as HttpHeaders.setAllow writes it: GET,POST
			String allowed = StringUtils.collectionToCommaDelimitedString(ex.getSupportedHttpMethods());
			response.setHeader(HttpHeaders.ALLOW, allowed);
		}
		OAuthErrorResponse.write(response, HttpStatus.METHOD_NOT_ALLOWED, "invalid_request",
				"Method " + ex.getMethod() + " is not allowed here");
	}

	/** A mapping that needs a query parameter, e.g. PUT /admin/api/scopes without {@code ?name=}. */
	@ExceptionHandler
	void missingParameter(UnsatisfiedServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) throws UnsatisfiedServletRequestParameterException, IOException {
		if (!request.getRequestURI().startsWith(PREFIX)) {
			throw ex;
		}
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, "invalid_request",
				"Missing query parameter: " + String.join(" or ", ex.getParamConditions()));
	}

}
