package dev.oauthplatform.auth.admin;

import org.springframework.http.HttpStatus;

/** A refused admin request, answered as {@code {"error", "error_description"}} like OAuth errors. */
public class AdminApiException extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	public AdminApiException(HttpStatus status, String error, String description) {
		super(description);
		this.status = status;
		this.error = error;
	}

	public static AdminApiException notFound(String what) {
		return new AdminApiException(HttpStatus.NOT_FOUND, "not_found", what + " does not exist");
	}

	public static AdminApiException invalidRequest(String description) {
		return new AdminApiException(HttpStatus.BAD_REQUEST, "invalid_request", description);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String error() {
		return this.error;
	}

}
