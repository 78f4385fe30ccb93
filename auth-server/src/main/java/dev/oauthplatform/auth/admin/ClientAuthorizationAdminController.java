package dev.oauthplatform.auth.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.client.OAuthClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.token.Authorizations;
import dev.oauthplatform.auth.user.AppUserRepository;

/** The grants a client holds, user by user (machine tokens are not stored), each revocable. */
@RestController
@RequestMapping("/admin/api/clients/{clientId}/authorizations")
class ClientAuthorizationAdminController {

	private final OAuthClientRepository clients;

	private final AppUserRepository users;

	private final Authorizations authorizations;

	private final AdminAudit audit;

	ClientAuthorizationAdminController(OAuthClientRepository clients, AppUserRepository users,
			Authorizations authorizations, AdminAudit audit) {
		this.clients = clients;
		this.users = users;
		this.authorizations = authorizations;
		this.audit = audit;
	}

	@GetMapping
	List<ClientAuthorizationView> list(@PathVariable String clientId) {
		return this.authorizations.activeOfClient(client(clientId).getId())
			.stream()
			.map((grant) -> new ClientAuthorizationView(grant.id(),
					this.users.findById(grant.principalName()).map((user) -> user.getUsername()).orElse(null),
					grant.principalName(),
					grant.grantType(), grant.scopes(), grant.createdAt(), grant.lastUsedAt(), grant.expiresAt()))
			.toList();
	}

	@DeleteMapping("/{authorizationId}")
	ResponseEntity<Void> revoke(@PathVariable String clientId, @PathVariable String authorizationId) {
		if (!this.authorizations.revokeOfClient(client(clientId).getId(), authorizationId)) {
			throw AdminApiException.notFound("Authorization '" + authorizationId + "' of this client");
		}
		this.audit.record(AuditType.GRANT_REVOKED, Map.of("authorization_id", authorizationId, "client_id", clientId));
		return ResponseEntity.noContent().build();
	}

	private OAuthClient client(String clientId) {
		return this.clients.findByClientId(clientId)
			.orElseThrow(() -> AdminApiException.notFound("Client '" + clientId + "'"));
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ClientAuthorizationView(String id, String username, String userId, String grantType, Set<String> scopes,
			Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
	}

}
