package dev.oauthplatform.auth.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.oauthplatform.auth.client.InvalidClientMetadataException;
import dev.oauthplatform.auth.key.RotationInProgressException;
import dev.oauthplatform.auth.persistence.UniqueKeyViolation;
import dev.oauthplatform.auth.user.InvalidUserException;

/** Every refusal of the admin API as JSON a script can act on; never a stack trace. */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
class AdminApiErrors {

	private static final Logger logger = LoggerFactory.getLogger(AdminApiErrors.class);

	@ExceptionHandler
	ResponseEntity<Map<String, String>> refused(AdminApiException ex) {
		return body(ex.status(), ex.error(), ex.getMessage());
	}

	/** RFC 7591 §3.2.2. */
	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalidMetadata(InvalidClientMetadataException ex) {
		return body(HttpStatus.BAD_REQUEST, ex.error(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> rotationInProgress(RotationInProgressException ex) {
		return body(HttpStatus.CONFLICT, RotationInProgressException.ERROR, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalidUser(InvalidUserException ex) {
		HttpStatus status = "username_taken".equals(ex.error()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		return body(status, ex.error(), ex.getMessage());
	}

	/**
	 * Two requests that each checked first, then both wrote: the database's unique keys refuse
	 * the second (two admins creating the same username or client_id at once). Any other
	 * integrity failure is a bug, and stays one.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, String>> raced(DataIntegrityViolationException ex) {
		if (!UniqueKeyViolation.is(ex)) {
			throw ex;
		}
		logger.warn("An admin API write lost a race for a unique key: {}", ex.getMostSpecificCause().getMessage());
		return body(HttpStatus.CONFLICT, "conflict",
				"Another request created the same thing at the same time; read it again and retry");
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
		return body(HttpStatus.BAD_REQUEST, "invalid_request",
				"The request body is not valid JSON of the expected shape");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<Map<String, String>> badParameter(Exception ex) {
		return body(HttpStatus.BAD_REQUEST, "invalid_request", "A query or path parameter is missing or malformed");
	}

	/**
	 * Unknown paths and methods fail before any admin controller is chosen, so they are handled
	 * by {@link UnmatchedAdminRequests}, which sees every controller's exceptions.
	 */

	@ExceptionHandler
	ResponseEntity<Map<String, String>> wrongMediaType(HttpMediaTypeNotSupportedException ex) {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request", "Send application/json");
	}

	static ResponseEntity<Map<String, String>> body(HttpStatus status, String error, String description) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return ResponseEntity.status(status).header("Cache-Control", "no-store").body(body);
	}

}
