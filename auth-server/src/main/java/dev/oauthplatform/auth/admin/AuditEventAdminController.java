package dev.oauthplatform.auth.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.audit.AuditEvent;
import dev.oauthplatform.auth.audit.AuditEvents;

/** The audit trail, newest first, filtered by type, actor, client and time. */
@RestController
@RequestMapping("/admin/api/audit-events")
class AuditEventAdminController {

	static final int MAX_LIMIT = 500;

	private final AuditEvents events;

	AuditEventAdminController(AuditEvents events) {
		this.events = events;
	}

	/** {@code limit} is the page size; {@code since} an ISO-8601 instant, with an offset or {@code Z}. */
	@GetMapping
	Paged<AuditEvent> list(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(required = false) String since, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(defaultValue = "0") int page) {
		if (limit < 1 || limit > MAX_LIMIT || page < 0) {
			throw AdminApiException.invalidRequest("page must be 0 or more and limit between 1 and " + MAX_LIMIT);
		}
		AuditEvents.Page found = this.events
			.find(new AuditEvents.Filter(blankAsNull(type), blankAsNull(actor), blankAsNull(clientId), instant(since)),
					page, limit);
		return new Paged<>(found.items(), page, limit, found.total());
	}

	private static Instant instant(String since) {
		if (since == null || since.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(since.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw AdminApiException.invalidRequest("since must be an ISO-8601 date and time with an offset, "
					+ "such as 2026-01-31T12:00:00Z");
		}
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
