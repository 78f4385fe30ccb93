package dev.oauthplatform.admin.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Activity page's filters as typed (blank: not filtering), and the links that keep them from
 * page to page. {@code since} is a day, from its start in UTC, the zone the console shows times in.
 */
public record ActivityFilter(String type, String actor, String clientId, String since) {

	public ActivityFilter {
		type = type.strip();
		actor = actor.strip();
		clientId = clientId.strip();
		since = since.strip();
	}

	/** Null when no day, or no valid day, was given. */
	Instant sinceInstant() {
		try {
			return since.isEmpty() ? null : LocalDate.parse(this.since).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	boolean sinceIsInvalid() {
		return !this.since.isEmpty() && sinceInstant() == null;
	}

	ActivityApi.Query query(int page, int limit) {
		return new ActivityApi.Query(this.type, this.actor, this.clientId, sinceInstant(), page, limit);
	}

	/** {@code /activity} with these filters and that page, each value encoded whole. */
	String link(int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/activity");
		Map<String, Object> values = new LinkedHashMap<>();
		add(uri, values, "type", this.type);
		add(uri, values, "actor", this.actor);
		add(uri, values, "client_id", this.clientId);
		add(uri, values, "since", this.since);
		if (page > 0) {
			add(uri, values, "page", Integer.toString(page));
		}
		return uri.encode().buildAndExpand(values).toUriString();
	}

	private static void add(UriComponentsBuilder uri, Map<String, Object> values, String name, String value) {
		if (!value.isEmpty()) {
			uri.queryParam(name, "{" + name + "}");
			values.put(name, value);
		}
	}

}
