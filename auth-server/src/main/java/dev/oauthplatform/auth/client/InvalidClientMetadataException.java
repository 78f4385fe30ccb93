package dev.oauthplatform.auth.client;

/** RFC 7591 §3.2.2: a registration refused, with a description a person can act on. */
public class InvalidClientMetadataException extends RuntimeException {

	public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";

	public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

	private final String error;

	InvalidClientMetadataException(String error, String description) {
		super(description);
		this.error = error;
	}

	static InvalidClientMetadataException metadata(String description) {
		return new InvalidClientMetadataException(INVALID_CLIENT_METADATA, description);
	}

	static InvalidClientMetadataException redirectUri(String uri, String reason) {
		return new InvalidClientMetadataException(INVALID_REDIRECT_URI, "Redirect URI '" + uri + "': " + reason);
	}

	public String error() {
		return this.error;
	}

}
