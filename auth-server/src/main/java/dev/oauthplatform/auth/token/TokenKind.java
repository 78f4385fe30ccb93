package dev.oauthplatform.auth.token;

/** What a stored hash stands for. */
public enum TokenKind {

	STATE, CODE, ACCESS, REFRESH, ID,

	/** A refresh token replaced by rotation, kept until it would have expired to detect its reuse. */
	ROTATED_REFRESH

}
