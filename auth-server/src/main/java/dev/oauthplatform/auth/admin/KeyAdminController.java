package dev.oauthplatform.auth.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.key.KeyRotation;
import dev.oauthplatform.auth.key.SigningKey;
import dev.oauthplatform.auth.key.SigningKeys;

/** Signing keys and their rotation. Lists states and dates only: key material never leaves the server. */
@RestController
@RequestMapping("/admin/api/keys")
class KeyAdminController {

	private final KeyRotation rotation;

	private final AdminAudit audit;

	KeyAdminController(KeyRotation rotation, AdminAudit audit) {
		this.rotation = rotation;
		this.audit = audit;
	}

	@GetMapping
	List<KeyView> list() {
		return this.rotation.list().stream().map(KeyView::of).toList();
	}

	/** Accepted: a staged rotation completes later, each stage listed by {@code GET}. */
	@PostMapping("/rotate")
	@ResponseStatus(HttpStatus.ACCEPTED)
	List<KeyView> rotate(@RequestBody(required = false) RotateRequest request) {
		RotateRequest rotate = (request != null) ? request : new RotateRequest(null, null, null);
		List<KeyView> keys = this.rotation.rotate(rotate.algorithms(), rotate.isEmergency(), rotate.activateAfter())
			.stream()
			.map(KeyView::of)
			.toList();
		this.audit.record(AuditType.KEY_ROTATED, Map.of("emergency", String.valueOf(rotate.isEmergency())));
		return keys;
	}

	record RotateRequest(String algorithm, Boolean emergency,
			@JsonProperty("activate_after_seconds") Long activateAfterSeconds) {

		List<String> algorithms() {
			if (this.algorithm == null) {
				return SigningKeys.ALGORITHMS;
			}
			if (!SigningKeys.ALGORITHMS.contains(this.algorithm)) {
				throw AdminApiException
					.invalidRequest("algorithm must be one of " + SigningKeys.ALGORITHMS + ", or omitted for both");
			}
			return List.of(this.algorithm);
		}

		boolean isEmergency() {
			return Boolean.TRUE.equals(this.emergency);
		}

		Duration activateAfter() {
			if (this.activateAfterSeconds != null && this.activateAfterSeconds < 0) {
				throw AdminApiException.invalidRequest("activate_after_seconds must not be negative");
			}
			return (this.activateAfterSeconds != null) ? Duration.ofSeconds(this.activateAfterSeconds) : null;
		}

	}

	record KeyView(String kid, String algorithm, SigningKey.State state,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("activate_at") Instant activateAt,
			@JsonProperty("activated_at") Instant activatedAt, @JsonProperty("retire_at") Instant retireAt,
			@JsonProperty("retired_at") Instant retiredAt) {

		static KeyView of(SigningKey key) {
			return new KeyView(key.getKid(), key.getAlgorithm(), key.getState(), key.getCreatedAt(),
					key.getActivateAt(), key.getActivatedAt(), key.getRetireAt(), key.getRetiredAt());
		}

	}

}
