package dev.oauthplatform.auth.admin;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.user.LoginFailure;
import dev.oauthplatform.auth.user.ThrottleEntries;

/**
 * The sign-in throttle's counters: which usernames at which addresses
 * ({@code user+ip:alice|203.0.113.7}), usernames ({@code user:alice}) and client addresses
 * ({@code ip:203.0.113.7}, {@code ip:2001:db8:1:2::/64}) are counting failures or blocked, and
 * clearing them, e.g. for a user who locked themselves out.
 */
@RestController
@RequestMapping("/admin/api/login-throttle")
class LoginThrottleAdminController {

	private final ThrottleEntries throttle;

	LoginThrottleAdminController(ThrottleEntries throttle) {
		this.throttle = throttle;
	}

	/** {@code username=alice}: every key of that username, its own and at each address. */
	@GetMapping
	List<Entry> list(@RequestParam(required = false) String key, @RequestParam(required = false) String username) {
		oneOf(key, username, false);
		List<LoginFailure> entries = (username != null) ? this.throttle.entriesOfUser(username)
				: this.throttle.entries(key);
		return entries.stream().map(Entry::of).toList();
	}

	@DeleteMapping
	ResponseEntity<Void> clear(@RequestParam(required = false) String key,
			@RequestParam(required = false) String username) {
		oneOf(key, username, true);
		boolean cleared = (username != null) ? this.throttle.clearUser(username) : this.throttle.clear(key);
		if (!cleared) {
			throw AdminApiException.notFound((username != null) ? "Login throttle keys of username '" + username + "'"
					: "Login throttle key '" + key + "'");
		}
		return ResponseEntity.noContent().build();
	}

	private static void oneOf(String key, String username, boolean required) {
		if (key != null && username != null) {
			throw AdminApiException.invalidRequest("Give key or username, not both");
		}
		if (required && key == null && username == null) {
			throw AdminApiException
				.invalidRequest("Give key (user+ip:<username>|<address>, user:<username> or ip:<address>) or username");
		}
	}

	/** No global naming strategy is set: the admin API's snake_case is spelled out. */
	record Entry(String key, int failures, @JsonProperty("first_failure_at") Instant firstFailureAt,
			@JsonProperty("last_failure_at") Instant lastFailureAt,
			@JsonProperty("blocked_until") Instant blockedUntil) {

		static Entry of(LoginFailure failure) {
			return new Entry(failure.key(), failure.failures(), failure.firstFailureAt(), failure.lastFailureAt(),
					failure.blockedUntil());
		}

	}

}
