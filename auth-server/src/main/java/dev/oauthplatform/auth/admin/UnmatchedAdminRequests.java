package dev.oauthplatform.auth.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown path or method under {@code /admin/api} answers in the admin API's error shape;
 * elsewhere (the login page, the framework's endpoints) Boot's own error handling stays.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedAdminRequests {

	private static final String PREFIX = "/admin/api/";

	@ExceptionHandler
	ResponseEntity<Map<String, String>> noSuchEndpoint(NoResourceFoundException ex, HttpServletRequest request)
			throws NoResourceFoundException {
		if (!request.getRequestURI().startsWith(PREFIX)) {
			throw ex; // rethrowing the same exception hands it on to Boot's default handling
		}
		return AdminApiErrors.body(HttpStatus.NOT_FOUND, "not_found", "No such admin API endpoint");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> wrongMethod(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		if (!request.getRequestURI().startsWith(PREFIX)) {
			throw ex;
		}
		ResponseEntity<Map<String, String>> answer = AdminApiErrors.body(HttpStatus.METHOD_NOT_ALLOWED,
				"invalid_request", "Method " + ex.getMethod() + " is not allowed here");
		HttpHeaders headers = new HttpHeaders(answer.getHeaders());
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
	}

	/** A mapping that needs a query parameter, e.g. PUT /admin/api/scopes without {@code ?name=}. */
	@ExceptionHandler
	ResponseEntity<Map<String, String>> missingParameter(UnsatisfiedServletRequestParameterException ex,
			HttpServletRequest request) throws UnsatisfiedServletRequestParameterException {
		if (!request.getRequestURI().startsWith(PREFIX)) {
			throw ex;
		}
		return AdminApiErrors.body(HttpStatus.BAD_REQUEST, "invalid_request",
				"Missing query parameter: " + String.join(" or ", ex.getParamConditions()));
	}

}
