package dev.oauthplatform.admin.posture;

import java.time.Instant;
import java.util.List;

/**
 * What the posture rules read of a client, as the admin API answers it. The console's client
 * model implements it, so the rules need nothing else of the console.
 */
public interface ClientSettings {

	/** The device authorization grant's type (RFC 8628 §3.4), as {@link #hasGrant} and discovery name it. */
	String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	List<String> redirectUris();

	boolean hasGrant(String grantType);

	/** No secret: spa, native, and a cli registered with {@code none}. */
	boolean isPublic();

	/** A mobile or desktop app (client_type {@code native}). */
	boolean isNative();

	boolean requirePkce();

	/** Seconds; null when the answer did not say. */
	Integer accessTokenTtl();

	Instant clientSecretLastUsedAt();

	Instant previousSecretExpiresAt();

	Instant previousSecretLastUsedAt();

}
