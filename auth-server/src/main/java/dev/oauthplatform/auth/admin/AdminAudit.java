package dev.oauthplatform.auth.admin;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.audit.AuditType;

/** Records an admin API action, done by the admin whose token it is (named by username). */
@Component
class AdminAudit {

	private final AuditLog log;

	AdminAudit(AuditLog log) {
		this.log = log;
	}

	void record(AuditType type, Map<String, String> details) {
		Authentication admin = SecurityContextHolder.getContext().getAuthentication();
		// AdminAuthenticationConverter names a user's token by username
		this.log.record(type, (admin != null) ? admin.getName() : null, details);
	}

}
