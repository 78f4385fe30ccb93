package dev.oauthplatform.auth.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.user.AppUser;
import dev.oauthplatform.auth.user.AppUserRepository;
import dev.oauthplatform.auth.user.UserAccounts;

/** Users: create, list, change, reset a password, delete. A user's {@code id} is their tokens' {@code sub}. */
@RestController
@RequestMapping("/admin/api/users")
class UserAdminController {

	private final UserAccounts accounts;

	private final AppUserRepository users;

	private final AdminAudit audit;

	UserAdminController(UserAccounts accounts, AppUserRepository users, AdminAudit audit) {
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
	}

	@PostMapping
	ResponseEntity<UserView> create(@RequestBody NewUser request) {
		AppUser user = this.accounts.register(request.username(), request.password(), request.email(),
				request.roles());
		this.audit.record(AuditType.USER_CREATED, target(user));
		return ResponseEntity.created(URI.create("/admin/api/users/" + user.getId())).body(UserView.of(user));
	}

	@GetMapping
	Paged<UserView> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return Paged.of(this.users.search(q, Paged.request(page, size, Sort.by("username"))).map(UserView::of));
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable String id) {
		return UserView.of(this.users.findById(id).orElseThrow(() -> notFound(id)));
	}

	/** Changes only the fields given. */
	@PatchMapping("/{id}")
	UserView update(@PathVariable String id, @RequestBody UserChange change) {
		AppUser user = this.accounts.update(id, change.email(), change.roles(), change.enabled())
			.orElseThrow(() -> notFound(id));
		if (Boolean.FALSE.equals(change.enabled())) {
			this.audit.record(AuditType.USER_DISABLED, target(user));
		}
		if (change.email() != null || change.roles() != null || Boolean.TRUE.equals(change.enabled())) {
			this.audit.record(AuditType.USER_UPDATED, target(user));
		}
		return UserView.of(user);
	}

	/** Also signs the user out everywhere: their grants are revoked. */
	@PostMapping("/{id}/password")
	ResponseEntity<Void> resetPassword(@PathVariable String id, @RequestBody PasswordReset reset) {
		AppUser user = this.accounts.resetPassword(id, reset.password()).orElseThrow(() -> notFound(id));
		this.audit.record(AuditType.USER_PASSWORD_RESET, target(user));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		AppUser user = this.users.findById(id).orElseThrow(() -> notFound(id));
		if (!this.accounts.delete(id)) {
			throw notFound(id);
		}
		this.audit.record(AuditType.USER_DELETED, target(user));
		return ResponseEntity.noContent().build();
	}

	/** Who an event about a user is about. */
	static Map<String, String> target(AppUser user) {
		return Map.of("user_id", user.getId(), "username", user.getUsername());
	}

	static AdminApiException notFound(String id) {
		return AdminApiException.notFound("User '" + id + "'");
	}

	record NewUser(String username, String password, String email, List<String> roles) {
	}

	record UserChange(String email, List<String> roles, Boolean enabled) {
	}

	record PasswordReset(String password) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record UserView(String id, String username, String email, Set<String> roles, boolean enabled,
			Instant createdAt) {

		static UserView of(AppUser user) {
			return new UserView(user.getId(), user.getUsername(), user.getEmail(), user.getRoles(), user.isEnabled(),
					user.getCreatedAt());
		}

	}

}
