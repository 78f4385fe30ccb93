package dev.oauthplatform.auth.token;

/** What a stored hash stands for. */
public enum TokenKind {

	STATE, CODE, ACCESS, REFRESH, ID,

	/** RFC 8628: what the device polls with, and what the user types on the verification page. */
	DEVICE_CODE, USER_CODE,

	/** A refresh token replaced by rotation, kept until it would have expired to detect its reuse. */
	ROTATED_REFRESH

}
