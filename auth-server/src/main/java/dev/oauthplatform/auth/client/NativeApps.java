package dev.oauthplatform.auth.client;

import java.net.URI;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import dev.oauthplatform.auth.protocol.Loopback;

/**
 * What the server can know about a native app's identity (RFC 8252 §8.6): a private-use scheme
 * can be claimed by any app on the device and a loopback port by any process, so a code sent to
 * either may reach an impostor. Only a claimed https redirect names its receiver.
 */
public final class NativeApps {

	private NativeApps() {
	}

	public static boolean isNative(RegisteredClient client) {
		return client.getClientSettings().getSetting(JpaRegisteredClientRepository.CLIENT_TYPE_SETTING) == ClientType.NATIVE;
	}

	/** True when the user, not the redirect, must vouch for the app: the consent page every time. */
	public static boolean identityUnassured(RegisteredClient client, String redirectUri) {
		if (!isNative(client)) {
			return false;
		}
		String uri = (redirectUri != null) ? redirectUri
				: client.getRedirectUris().stream().findFirst().orElse(null);
		return uri == null || !isClaimedHttps(uri);
	}

	/** https to a host other than this device's: a loopback host, by IP literal or by name, names no app. */
	private static boolean isClaimedHttps(String uri) {
		URI parsed = URI.create(uri);
		return "https".equalsIgnoreCase(parsed.getScheme()) && !Loopback.isHost(parsed.getHost());
	}

}
