package dev.oauthplatform.auth.grant.device;

import java.time.Instant;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Where and when a device asked for its codes, kept with the request and shown on the
 * confirmation page (RFC 8628 §5.4): a code that someone else's device asked for, from another
 * network, minutes ago, is a phishing attempt the user can recognise.
 *
 * @param address the device's address, as the sign-in throttle sees clients (trusted proxies only)
 */
record RequestOrigin(String address, Instant at) {

	private static final String ADDRESS = "device_requested_from";

	private static final String AT = "device_requested_at";

	void addTo(OAuth2Authorization.Builder authorization) {
		authorization.attribute(ADDRESS, this.address).attribute(AT, this.at.toString());
	}

	/** Null for a request from before origins were kept. */
	static RequestOrigin of(OAuth2Authorization authorization) {
		String address = authorization.getAttribute(ADDRESS);
		String at = authorization.getAttribute(AT);
		return (address != null && at != null) ? new RequestOrigin(address, Instant.parse(at)) : null;
	}

}
