package dev.oauthplatform.cli.server;

import com.nimbusds.oauth2.sdk.ErrorObject;

import dev.oauthplatform.cli.support.CliException;

/** The server answered with an OAuth error (RFC 6749 §5.2): callers decide by its code. */
public final class Refused extends CliException {

	private final transient ErrorObject error;

	public Refused(String what, ErrorObject error) {
		super(what + " was refused: " + error.getCode()
				+ ((error.getDescription() != null) ? " (" + error.getDescription() + ")" : ""));
		this.error = error;
	}

	public String code() {
		return (this.error.getCode() != null) ? this.error.getCode() : "";
	}

	/** The error as the server sent it. */
	public ErrorObject error() {
		return this.error;
	}

}
