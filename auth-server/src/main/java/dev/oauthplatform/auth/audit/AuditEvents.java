package dev.oauthplatform.auth.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit trail's table: written in batches by {@link AuditBatchWriter}, read newest first. */
@Component
public class AuditEvents {

	static final int MAX_BATCH = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	AuditEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which events to list; null fields do not filter. {@code clientId} matches the events about
	 * that client: done by it or naming it in their details.
	 */
	public record Filter(String type, String actor, String clientId, Instant since) {
	}

	public record Page(List<AuditEvent> items, long total) {
	}

	void insert(List<AuditEvent> events) {
		this.jdbc.batchUpdate("insert into audit_event (id, occurred_at, type, actor, ip, outcome, client_id, details) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)", events, MAX_BATCH, (statement, event) -> {
					statement.setString(1, event.id());
					statement.setObject(2, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
					statement.setString(3, event.type());
					statement.setString(4, truncate(event.actor(), 200));
					statement.setString(5, truncate(event.ip(), 64));
					statement.setString(6, event.outcome());
					statement.setString(7, truncate(event.details().get("client_id"), 200));
					statement.setString(8, JSON.writeValueAsString(event.details()));
				});
	}

	/** One page of the events that match, newest first. */
	public Page find(Filter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> arguments = new ArrayList<>();
		if (filter.type() != null) {
			where.append(" and type = ?");
			arguments.add(filter.type());
		}
		if (filter.actor() != null) {
			where.append(" and actor = ?");
			arguments.add(filter.actor());
		}
		if (filter.clientId() != null) {
			where.append(" and client_id = ?");
			arguments.add(filter.clientId());
		}
		if (filter.since() != null) {
			where.append(" and occurred_at >= ?");
			arguments.add(OffsetDateTime.ofInstant(filter.since(), ZoneOffset.UTC));
		}
		Long total = this.jdbc.queryForObject("select count(*) from audit_event" + where, Long.class,
				arguments.toArray());
		List<Object> paged = new ArrayList<>(arguments);
		paged.add(size);
		paged.add((long) page * size);
		List<AuditEvent> items = this.jdbc.query("select id, occurred_at, type, actor, ip, outcome, details "
				+ "from audit_event" + where + " order by occurred_at desc, id desc limit ? offset ?",
				AuditEvents::event, paged.toArray());
		return new Page(items, (total != null) ? total : 0);
	}

	/** @return how many events older than {@code before} were deleted */
	public int deleteBefore(Instant before) {
		return this.jdbc.update("delete from audit_event where occurred_at < ?",
				OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
	}

	private static AuditEvent event(ResultSet row, int number) throws SQLException {
		return new AuditEvent(row.getString("id"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				row.getString("type"), row.getString("actor"), row.getString("ip"), row.getString("outcome"),
				JSON.readValue(row.getString("details"), DETAILS));
	}

	private static String truncate(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

}
