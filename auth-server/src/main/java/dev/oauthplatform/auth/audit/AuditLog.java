package dev.oauthplatform.auth.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where features record what happened. The calling thread only queues the event (a request is not
 * slowed by a database write); {@link AuditBatchWriter} inserts what is queued in one batch every
 * {@code auth.audit.flush-interval}, and on shutdown writes what is left before the database pool
 * closes.
 */
@Component
public class AuditLog {

	/** Detail names that could carry a credential: such a detail is never stored. */
	private static final List<String> SECRET_WORDS = List.of("secret", "password", "token", "code", "credential");

	private final AuditBatchWriter writer;

	private final ObjectProvider<Usernames> usernames;

	AuditLog(AuditBatchWriter writer, ObjectProvider<Usernames> usernames) {
		this.writer = writer;
		this.usernames = usernames;
	}

	/** An event of the current request (its remote address), done by {@code actor}: a username or a client id. */
	public void record(AuditType type, String actor, Map<String, String> details) {
		record(type, actor, currentAddress(), details);
	}

	public void record(AuditType type, String actor, String ip, Map<String, String> details) {
		this.writer.add(new AuditEvent(UUID.randomUUID().toString(), Instant.now(), type.value(), actor, ip,
				type.outcome().value(), withoutSecrets(details)));
	}

	/** An event done by the user with this id (a session's or a token's principal name), named by username. */
	public void recordOfUser(AuditType type, String userId, Map<String, String> details) {
		Usernames names = this.usernames.getIfAvailable();
		String actor = (names != null && userId != null) ? names.usernameOf(userId).orElse(userId) : userId;
		record(type, actor, details);
	}

	/** Writes every queued event now (the writer does every flush interval). */
	public void flush() {
		this.writer.flush();
	}

	private static Map<String, String> withoutSecrets(Map<String, String> details) {
		Map<String, String> kept = new LinkedHashMap<>();
		if (details != null) {
			details.forEach((name, value) -> {
				String lower = name.toLowerCase(Locale.ROOT);
				if (SECRET_WORDS.stream().noneMatch(lower::contains) && value != null) {
					kept.put(name, value);
				}
			});
		}
		return kept;
	}

	private static String currentAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest().getRemoteAddr() : null;
	}

}
