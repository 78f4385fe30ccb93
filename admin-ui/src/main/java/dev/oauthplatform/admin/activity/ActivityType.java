package dev.oauthplatform.admin.activity;

import java.util.Arrays;

/**
 * The event types auth-server records (its {@code AuditEventType}, openapi.yaml), each with the
 * words the console shows. A type the console does not know yet is shown by its name.
 */
public enum ActivityType {

	USER_SIGN_IN_SUCCEEDED("user.sign_in.succeeded", "Sign-in succeeded"),
	USER_SIGN_IN_FAILED("user.sign_in.failed", "Sign-in failed"),
	USER_SIGN_IN_THROTTLED("user.sign_in.throttled", "Sign-in throttled"),
	USER_CREATED("user.created", "User created"),
	USER_UPDATED("user.updated", "User changed"),
	USER_DISABLED("user.disabled", "User disabled"),
	USER_DELETED("user.deleted", "User deleted"),
	USER_PASSWORD_RESET("user.password.reset", "Password reset"),
	CLIENT_CREATED("client.created", "Client registered"),
	CLIENT_UPDATED("client.updated", "Client changed"),
	CLIENT_DELETED("client.deleted", "Client deleted"),
	CLIENT_SECRET_ROTATED("client.secret.rotated", "Client secret rotated"),
	CONSENT_GRANTED("consent.granted", "Consent given"),
	CONSENT_REVOKED("consent.revoked", "Consent withdrawn"),
	GRANT_REVOKED("grant.revoked", "Authorization revoked"),
	REFRESH_TOKEN_REUSE_DETECTED("refresh_token.reuse_detected", "Refresh token reused"),
	KEY_ROTATED("key.rotated", "Signing key rotated"),
	DEVICE_APPROVED("device.approved", "Device approved"),
	DEVICE_DENIED("device.denied", "Device denied");

	private final String value;

	private final String label;

	ActivityType(String value, String label) {
		this.value = value;
		this.label = label;
	}

	/** The name auth-server stores and filters on, such as {@code user.sign_in.failed}. */
	public String value() {
		return this.value;
	}

	public String label() {
		return this.label;
	}

	static String labelOf(String value) {
		return Arrays.stream(values()).filter((type) -> type.value.equals(value)).findFirst()
			.map(ActivityType::label).orElse(value);
	}

	static boolean isKnown(String value) {
		return Arrays.stream(values()).anyMatch((type) -> type.value.equals(value));
	}

}
