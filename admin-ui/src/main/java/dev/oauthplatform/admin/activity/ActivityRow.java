package dev.oauthplatform.admin.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event as a table row shows it: the type in words, the details as {@code key: value} lines. */
public record ActivityRow(Instant time, String type, String label, String actor, String ip, String outcome,
		List<String> details) {

	static ActivityRow of(ActivityApi.Event event) {
		Map<String, String> details = (event.details() != null) ? event.details() : Map.of();
		return new ActivityRow(event.time(), event.type(), ActivityType.labelOf(event.type()), event.actor(),
				event.ip(), event.outcome(), details.entrySet().stream()
					.sorted(Map.Entry.comparingByKey())
					.map((detail) -> detail.getKey() + ": " + detail.getValue())
					.toList());
	}

	public boolean failed() {
		return "failure".equals(this.outcome);
	}

}
