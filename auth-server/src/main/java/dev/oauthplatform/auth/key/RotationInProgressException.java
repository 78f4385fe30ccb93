package dev.oauthplatform.auth.key;

/** A staged rotation asked for while a published key still waits to sign: the admin API answers 409. */
public class RotationInProgressException extends RuntimeException {

	public static final String ERROR = "rotation_in_progress";

	RotationInProgressException(String algorithm) {
		super("A new " + algorithm
				+ " key is already published and waits to sign; rotate again after it does, or use emergency");
	}

}
