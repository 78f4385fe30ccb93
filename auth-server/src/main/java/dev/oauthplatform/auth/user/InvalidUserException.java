package dev.oauthplatform.auth.user;

/** A user change refused, with a description a person can act on. */
public class InvalidUserException extends RuntimeException {

	private final String error;

	private InvalidUserException(String error, String description) {
		super(description);
		this.error = error;
	}

	static InvalidUserException request(String description) {
		return new InvalidUserException("invalid_request", description);
	}

	static InvalidUserException password(String description) {
		return new InvalidUserException("invalid_password", description);
	}

	static InvalidUserException usernameTaken(String username) {
		return new InvalidUserException("username_taken", "username '" + username + "' is already taken");
	}

	static InvalidUserException lastAdmin() {
		return new InvalidUserException("invalid_request",
				"this is the last enabled ADMIN: keep it, or give another user the ADMIN role first");
	}

	public String error() {
		return this.error;
	}

}
