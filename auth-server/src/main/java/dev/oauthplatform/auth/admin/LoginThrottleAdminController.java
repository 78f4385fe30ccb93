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
import dev.oauthplatform.auth.user.LoginThrottle;

/**
 * The sign-in throttle's counters: which usernames ({@code user:alice}) and client addresses
 * ({@code ip:203.0.113.7}) are counting failures or blocked, and clearing one, e.g. for a user
 * who locked themselves out.
 */
@RestController
@RequestMapping("/admin/api/login-throttle")
class LoginThrottleAdminController {

	private final LoginThrottle throttle;

	LoginThrottleAdminController(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping
	List<Entry> list(@RequestParam(required = false) String key, @RequestParam(required = false) String username) {
		return this.throttle.entries(key(key, username, false)).stream().map(Entry::of).toList();
	}

	@DeleteMapping
	ResponseEntity<Void> clear(@RequestParam(required = false) String key,
			@RequestParam(required = false) String username) {
		String throttleKey = key(key, username, true);
		if (!this.throttle.clear(throttleKey)) {
			throw AdminApiException.notFound("Login throttle key '" + throttleKey + "'");
		}
		return ResponseEntity.noContent().build();
	}

	/** {@code username=alice} is short for {@code key=user:alice}, cased as the throttle keys it. */
	private static String key(String key, String username, boolean required) {
		if (key != null && username != null) {
			throw AdminApiException.invalidRequest("Give key or username, not both");
		}
		if (required && key == null && username == null) {
			throw AdminApiException.invalidRequest("Give key (user:<username> or ip:<address>) or username");
		}
		return (username != null) ? LoginThrottle.userKey(username) : key;
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
