package dev.oauthplatform.auth.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientSecrets;
import dev.oauthplatform.auth.client.ClientSecrets.RotatedSecret;
import dev.oauthplatform.auth.client.OAuthClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.client.RegistrationCheck;

/** Client registration and management (RFC 7591 and RFC 7592 shapes). */
@RestController
@RequestMapping("/admin/api/clients")
class ClientAdminController {

	private final ClientRegistrar registrar;

	private final ClientSecrets secrets;

	private final OAuthClientRepository clients;

	private final RegistrationCheck registrationCheck;

	private final AdminAudit audit;

	ClientAdminController(ClientRegistrar registrar, ClientSecrets secrets, OAuthClientRepository clients,
			RegistrationCheck registrationCheck, AdminAudit audit) {
		this.registrar = registrar;
		this.secrets = secrets;
		this.clients = clients;
		this.registrationCheck = registrationCheck;
		this.audit = audit;
	}

	/** One transaction: a refused post-logout redirect URI or origin leaves no client behind. */
	@PostMapping
	@Transactional
	ResponseEntity<ClientView> register(@RequestBody ClientMetadata metadata) {
		RegisteredCredentials credentials = this.registrar.register(metadata.toNewClient());
		postLogoutRedirectUris(credentials.clientId(), metadata);
		allowedCorsOrigins(credentials.clientId(), metadata);
		OAuthClient client = find(credentials.clientId());
		this.audit.record(AuditType.CLIENT_CREATED, Map.of("client_id", credentials.clientId()));
		return ResponseEntity.created(URI.create("/admin/api/clients/" + credentials.clientId()))
			.header("Cache-Control", "no-store")
			.body(ClientView.of(client, credentials.clientSecret()));
	}

	/**
	 * A dry run of {@link #register}: stores nothing, answers 200 with every problem registration
	 * would have, one per refused redirect URI (the console shows them as the admin types).
	 */
	@PostMapping("/validate")
	ResponseEntity<Map<String, Object>> validate(@RequestBody ClientMetadata metadata) {
		List<RegistrationCheck.Problem> problems;
		try {
			problems = this.registrationCheck.check(metadata.toNewClient(), metadata.postLogoutRedirectUriSet(),
					metadata.allowedCorsOriginSet());
		}
		catch (AdminApiException ex) {
			// an unknown client_type: the one refusal that happens while reading the body
			problems = List.of(new RegistrationCheck.Problem("client_type", metadata.clientType(), ex.error(),
					ex.getMessage()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("valid", problems.isEmpty());
		body.put("problems", problems.stream().map(ClientAdminController::problem).toList());
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

	private static Map<String, String> problem(RegistrationCheck.Problem problem) {
		Map<String, String> json = new LinkedHashMap<>();
		json.put("field", problem.field());
		json.put("value", problem.value());
		json.put("error", problem.error());
		json.put("error_description", problem.errorDescription());
		return json;
	}

	@GetMapping
	Paged<ClientView> list(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageRequest request = Paged.request(page, size, Sort.by("clientName", "clientId"));
		Page<OAuthClient> found = this.clients.search(name, request);
		return Paged.of(found.map(ClientView::of));
	}

	@GetMapping("/{clientId}")
	ClientView get(@PathVariable String clientId) {
		return ClientView.of(find(clientId));
	}

	@PutMapping("/{clientId}")
	@Transactional
	ClientView update(@PathVariable String clientId, @RequestBody ClientMetadata metadata) {
		if (metadata.clientId() != null && !metadata.clientId().equals(clientId)) {
			throw AdminApiException.invalidRequest("client_id in the body must match the URL");
		}
		OAuthClient updated = this.registrar.update(clientId, metadata.toNewClient(), metadata.enabled())
			.orElseThrow(() -> AdminApiException.notFound("Client '" + clientId + "'"));
		postLogoutRedirectUris(clientId, metadata);
		allowedCorsOrigins(clientId, metadata);
		this.audit.record(AuditType.CLIENT_UPDATED, Map.of("client_id", clientId));
		return ClientView.of(updated);
	}

	private void postLogoutRedirectUris(String clientId, ClientMetadata metadata) {
		if (metadata.postLogoutRedirectUriSet() != null) {
			this.registrar.setPostLogoutRedirectUris(clientId, metadata.postLogoutRedirectUriSet());
		}
	}

	private void allowedCorsOrigins(String clientId, ClientMetadata metadata) {
		if (metadata.allowedCorsOriginSet() != null) {
			this.registrar.setAllowedCorsOrigins(clientId, metadata.allowedCorsOriginSet());
		}
	}

	@DeleteMapping("/{clientId}")
	ResponseEntity<Void> delete(@PathVariable String clientId) {
		if (!this.registrar.delete(clientId)) {
			throw AdminApiException.notFound("Client '" + clientId + "'");
		}
		this.audit.record(AuditType.CLIENT_DELETED, Map.of("client_id", clientId));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{clientId}/secret")
	ResponseEntity<Map<String, Object>> rotateSecret(@PathVariable String clientId,
			@RequestBody(required = false) SecretRotation rotation) {
		Duration grace = Duration.ofSeconds((rotation != null && rotation.gracePeriodSeconds() != null)
				? rotation.gracePeriodSeconds() : 0);
		if (grace.isNegative() || grace.compareTo(ClientSecrets.MAX_GRACE_PERIOD) > 0) {
			throw AdminApiException.invalidRequest("grace_period_seconds must be between 0 and "
					+ ClientSecrets.MAX_GRACE_PERIOD.toSeconds() + " (7 days)");
		}
		RotatedSecret rotated = this.secrets.rotate(clientId, grace)
			.orElseThrow(() -> AdminApiException.notFound("Client '" + clientId + "'"));
		this.audit.record(AuditType.CLIENT_SECRET_ROTATED,
				Map.of("client_id", rotated.clientId(), "grace_period_seconds", String.valueOf(grace.toSeconds())));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("client_id", rotated.clientId());
		body.put("client_secret", rotated.clientSecret());
		body.put("client_secret_expires_at", 0);
		body.put("previous_secret_expires_at", rotated.previousSecretExpiresAt());
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

	private OAuthClient find(String clientId) {
		return this.clients.findByClientId(clientId)
			.orElseThrow(() -> AdminApiException.notFound("Client '" + clientId + "'"));
	}

	record SecretRotation(@JsonProperty("grace_period_seconds") Long gracePeriodSeconds) {
	}

}
