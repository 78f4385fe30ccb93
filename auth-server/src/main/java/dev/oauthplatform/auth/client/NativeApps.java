package dev.oauthplatform.auth.client;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What the server can know about a native app's identity (RFC 8252 §8.6): a private-use scheme
 * can be claimed by any app on the device and a loopback port by any process, so a code sent to
 * either may reach an impostor. Only a claimed https redirect names its receiver.
 */
public final class NativeApps {

	static final Set<String> LOOPBACK_IPS = Set.of("127.0.0.1", "[::1]");

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

	private static boolean isClaimedHttps(String uri) {
		URI parsed = URI.create(uri);
		String host = (parsed.getHost() != null) ? parsed.getHost().toLowerCase(Locale.ROOT) : "";
		return "https".equalsIgnoreCase(parsed.getScheme()) && !LOOPBACK_IPS.contains(host) && !host.equals("localhost");
	}

}
