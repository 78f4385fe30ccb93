package dev.oauthplatform.auth.audit;

/** What an audit event records, with the outcome it always has. */
public enum AuditType {

	USER_SIGN_IN_SUCCEEDED("user.sign_in.succeeded", Outcome.SUCCESS),
	USER_SIGN_IN_FAILED("user.sign_in.failed", Outcome.FAILURE),
	USER_SIGN_IN_THROTTLED("user.sign_in.throttled", Outcome.FAILURE),
	USER_CREATED("user.created", Outcome.SUCCESS),
	USER_UPDATED("user.updated", Outcome.SUCCESS),
	USER_DISABLED("user.disabled", Outcome.SUCCESS),
	USER_DELETED("user.deleted", Outcome.SUCCESS),
	USER_PASSWORD_RESET("user.password.reset", Outcome.SUCCESS),
	CLIENT_CREATED("client.created", Outcome.SUCCESS),
	CLIENT_UPDATED("client.updated", Outcome.SUCCESS),
	CLIENT_DELETED("client.deleted", Outcome.SUCCESS),
	CLIENT_SECRET_ROTATED("client.secret.rotated", Outcome.SUCCESS),
	CONSENT_GRANTED("consent.granted", Outcome.SUCCESS),
	CONSENT_REVOKED("consent.revoked", Outcome.SUCCESS),
	GRANT_REVOKED("grant.revoked", Outcome.SUCCESS),
	REFRESH_TOKEN_REUSE_DETECTED("refresh_token.reuse_detected", Outcome.FAILURE),
	KEY_ROTATED("key.rotated", Outcome.SUCCESS),
	DEVICE_APPROVED("device.approved", Outcome.SUCCESS),
	DEVICE_DENIED("device.denied", Outcome.SUCCESS);

	private final String value;

	private final Outcome outcome;

	AuditType(String value, Outcome outcome) {
		this.value = value;
		this.outcome = outcome;
	}

	/** The name stored and filtered on, such as {@code user.sign_in.failed}. */
	public String value() {
		return this.value;
	}

	public Outcome outcome() {
		return this.outcome;
	}

	public enum Outcome {

		SUCCESS, FAILURE;

		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
