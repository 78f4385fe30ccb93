package dev.oauthplatform.auth.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.client.OAuthClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;
import dev.oauthplatform.auth.consent.Consent;
import dev.oauthplatform.auth.consent.ConsentRepository;
import dev.oauthplatform.auth.consent.ConsentWithdrawal;
import dev.oauthplatform.auth.token.Authorizations;
import dev.oauthplatform.auth.user.AppUser;
import dev.oauthplatform.auth.user.AppUserRepository;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a user gave to clients: remembered consents, and active grants (each a family of tokens).
 * Revoking either stops the tokens it covers.
 */
@RestController
@RequestMapping("/admin/api/users/{userId}")
class GrantAdminController {

	private final AppUserRepository users;

	private final OAuthClientRepository clients;

	private final ConsentRepository consents;

	private final Authorizations authorizations;

	private final ConsentWithdrawal withdrawal;

	private final AdminAudit audit;

	GrantAdminController(AppUserRepository users, OAuthClientRepository clients, ConsentRepository consents,
			Authorizations authorizations, ConsentWithdrawal withdrawal, AdminAudit audit) {
		this.users = users;
		this.clients = clients;
		this.consents = consents;
		this.authorizations = authorizations;
		this.withdrawal = withdrawal;
		this.audit = audit;
	}

	@GetMapping("/consents")
	List<ConsentView> consents(@PathVariable String userId) {
		return this.consents.findByPrincipalName(user(userId).getId())
			.stream()
			.map((consent) -> ConsentView.of(consent, client(consent.getRegisteredClientId())))
			.toList();
	}

	/** Withdraws the consent and revokes the grants the client holds from this user. */
	@DeleteMapping("/consents/{clientId}")
	@Transactional
	ResponseEntity<Void> revokeConsent(@PathVariable String userId, @PathVariable String clientId) {
		AppUser user = user(userId);
		String principalName = user.getId();
		OAuthClient client = this.clients.findByClientId(clientId)
			.orElseThrow(() -> AdminApiException.notFound("Client '" + clientId + "'"));
		if (!this.withdrawal.hasConsent(principalName, client.getId())) {
			throw AdminApiException.notFound("Consent of this user to '" + clientId + "'");
		}
		this.withdrawal.withdraw(principalName, client.getId());
		this.audit.record(AuditType.CONSENT_REVOKED, Map.of("user_id", user.getId(), "username", user.getUsername(),
				"client_id", clientId));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/authorizations")
	List<AuthorizationView> authorizations(@PathVariable String userId) {
		return this.authorizations.activeOfUser(user(userId).getId())
			.stream()
			.map((grant) -> AuthorizationView.of(grant, client(grant.registeredClientId())))
			.toList();
	}

	@DeleteMapping("/authorizations/{authorizationId}")
	ResponseEntity<Void> revokeAuthorization(@PathVariable String userId, @PathVariable String authorizationId) {
		AppUser user = user(userId);
		String clientId = this.authorizations.activeOfUser(user.getId())
			.stream()
			.filter((grant) -> grant.id().equals(authorizationId))
			.findFirst()
			.map((grant) -> client(grant.registeredClientId()))
			.map(OAuthClient::getClientId)
			.orElse(null);
		if (!this.authorizations.revoke(user.getId(), authorizationId)) {
			throw AdminApiException.notFound("Authorization '" + authorizationId + "' of this user");
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("authorization_id", authorizationId);
		details.put("user_id", user.getId());
		details.put("username", user.getUsername());
		if (clientId != null) {
			details.put("client_id", clientId);
		}
		this.audit.record(AuditType.GRANT_REVOKED, details);
		return ResponseEntity.noContent().build();
	}

	private AppUser user(String userId) {
		return this.users.findById(userId).orElseThrow(() -> UserAdminController.notFound(userId));
	}

	private OAuthClient client(String registeredClientId) {
		return this.clients.findById(registeredClientId).orElse(null);
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ConsentView(String clientId, String clientName, Set<String> scopes, Instant grantedAt) {

		static ConsentView of(Consent consent, OAuthClient client) {
			return new ConsentView((client != null) ? client.getClientId() : null,
					(client != null) ? client.getClientName() : null, consent.getScopes(), consent.getGrantedAt());
		}

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AuthorizationView(String id, String clientId, String clientName, String grantType, Set<String> scopes,
			Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

		static AuthorizationView of(Authorizations.Summary grant, OAuthClient client) {
			return new AuthorizationView(grant.id(), (client != null) ? client.getClientId() : null,
					(client != null) ? client.getClientName() : null, grant.grantType(), grant.scopes(),
					grant.createdAt(), grant.lastUsedAt(), grant.expiresAt());
		}

	}

}
