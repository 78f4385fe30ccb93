package dev.oauthplatform.admin.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The audit trail in auth-server's admin API ({@code GET /admin/api/audit-events}), newest first. */
@Component
class ActivityApi {

	private final RestClient api;

	ActivityApi(RestClient adminApiRestClient) {
		this.api = adminApiRestClient;
	}

	/** Each filter given is sent as one encoded query value (a {@code +} in an offset stays a plus). */
	EventPage find(Query query) {
		return this.api.get().uri((uri) -> {
			uri.path("/admin/api/audit-events");
			Map<String, Object> values = new LinkedHashMap<>();
			filter(uri, values, "type", query.type());
			filter(uri, values, "actor", query.actor());
			filter(uri, values, "client_id", query.clientId());
			filter(uri, values, "since", (query.since() != null) ? query.since().toString() : null);
			return uri.queryParam("limit", query.limit()).queryParam("page", query.page()).build(values);
		}).retrieve().body(EventPage.class);
	}

	private static void filter(UriBuilder uri, Map<String, Object> values, String name, String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, "{" + name + "}");
			values.put(name, value);
		}
	}

	/** Null or blank filters are left out; {@code limit} is the page size (1 to 500). */
	record Query(String type, String actor, String clientId, Instant since, int page, int limit) {
	}

	record Event(String id, Instant time, String type, String actor, String ip, String outcome,
			Map<String, String> details) {
	}

	record EventPage(List<Event> items, int page, int size, long total) {

		EventPage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

}
