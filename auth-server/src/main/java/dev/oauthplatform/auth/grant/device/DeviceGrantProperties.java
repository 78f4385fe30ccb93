package dev.oauthplatform.auth.grant.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The device authorization grant's settings ({@code auth.device}). How long a device code lives is
 * each client's (token settings, 5 minutes by default).
 *
 * @param pollInterval the {@code interval} devices are told to keep between polls (RFC 8628 §3.2)
 * @param maxWrongUserCodes wrong user codes a signed-in user may type per window on /activate
 * @param wrongUserCodeWindow the window they are counted in
 */
@ConfigurationProperties("auth.device")
record DeviceGrantProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("10") int maxWrongUserCodes,
		@DefaultValue("15m") Duration wrongUserCodeWindow) {
}
