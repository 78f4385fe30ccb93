package dev.oauthplatform.auth.admin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.oauthplatform.auth.client.InvalidClientMetadataException;
import dev.oauthplatform.auth.key.RotationInProgressException;
import dev.oauthplatform.auth.persistence.UniqueKeyViolation;
import dev.oauthplatform.auth.protocol.OAuthErrorResponse;
import dev.oauthplatform.auth.user.InvalidUserException;

/**
 * Every refusal of the admin API as JSON a script can act on, in the OAuth error shape
 * ({@link OAuthErrorResponse}); never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
class AdminApiErrors {

	private static final Logger logger = LoggerFactory.getLogger(AdminApiErrors.class);

	@ExceptionHandler
	void refused(AdminApiException ex, HttpServletResponse response) throws IOException {
		OAuthErrorResponse.write(response, ex.status(), ex.error(), ex.getMessage());
	}

	/** RFC 7591 §3.2.2. */
	@ExceptionHandler
	void invalidMetadata(InvalidClientMetadataException ex, HttpServletResponse response) throws IOException {
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, ex.error(), ex.getMessage());
	}

	@ExceptionHandler
	void rotationInProgress(RotationInProgressException ex, HttpServletResponse response) throws IOException {
		OAuthErrorResponse.write(response, HttpStatus.CONFLICT, RotationInProgressException.ERROR, ex.getMessage());
	}

	@ExceptionHandler
	void invalidUser(InvalidUserException ex, HttpServletResponse response) throws IOException {
		HttpStatus status = "username_taken".equals(ex.error()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		OAuthErrorResponse.write(response, status, ex.error(), ex.getMessage());
	}

	/**
	 * Two requests that each checked first, then both wrote: the database's unique keys refuse
	 * the second (two admins creating the same username or client_id at once). Any other
	 * integrity failure is a bug, and stays one.
	 */
	@ExceptionHandler
	void raced(DataIntegrityViolationException ex, HttpServletResponse response) throws IOException {
		if (!UniqueKeyViolation.is(ex)) {
			throw ex;
		}
		logger.warn("An admin API write lost a race for a unique key: {}", ex.getMostSpecificCause().getMessage());
		OAuthErrorResponse.write(response, HttpStatus.CONFLICT, "conflict",
				"Another request created the same thing at the same time; read it again and retry");
	}

	@ExceptionHandler
	void unreadable(HttpMessageNotReadableException ex, HttpServletResponse response) throws IOException {
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, "invalid_request",
				"The request body is not valid JSON of the expected shape");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	void badParameter(Exception ex, HttpServletResponse response) throws IOException {
		OAuthErrorResponse.write(response, HttpStatus.BAD_REQUEST, "invalid_request",
				"A query or path parameter is missing or malformed");
	}

	/**
	 * Unknown paths and methods fail before any admin controller is chosen, so they are handled
	 * by {@link UnmatchedAdminRequests}, which sees every controller's exceptions.
	 */

	@ExceptionHandler
	void wrongMediaType(HttpMediaTypeNotSupportedException ex, HttpServletResponse response) throws IOException {
		OAuthErrorResponse.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request",
				"Send application/json");
	}

}
