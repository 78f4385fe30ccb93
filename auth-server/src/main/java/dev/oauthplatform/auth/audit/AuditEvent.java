package dev.oauthplatform.auth.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded event. {@code actor} is a username or a client id (or {@code system}); {@code ip}
 * the request's remote address, null without a request; {@code details} names what was acted on
 * (a {@code client_id}, a {@code username}), never a secret, password, code or token.
 */
public record AuditEvent(String id, Instant time, String type, String actor, String ip, String outcome,
		Map<String, String> details) {
}
