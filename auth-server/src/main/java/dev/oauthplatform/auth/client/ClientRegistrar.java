package dev.oauthplatform.auth.client;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.secret.ServerSecrets;
import dev.oauthplatform.auth.token.Authorizations;
import dev.oauthplatform.auth.token.TokenProperties;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * Registers, changes and deletes clients: applies the type's defaults and {@link ClientPolicy},
 * generates secrets and stores only their hash.
 */
@Service
public class ClientRegistrar {

	private final OAuthClientRepository clients;

	private final JpaRegisteredClientRepository registeredClients;

	private final ClientSecretHasher secretHasher;

	private final Authorizations authorizations;

	private final ApplicationEventPublisher events;

	private final TokenProperties tokens;

	public ClientRegistrar(OAuthClientRepository clients, JpaRegisteredClientRepository registeredClients,
			ClientSecretHasher secretHasher, Authorizations authorizations, ApplicationEventPublisher events,
			TokenProperties tokens) {
		this.clients = clients;
		this.registeredClients = registeredClients;
		this.secretHasher = secretHasher;
		this.authorizations = authorizations;
		this.events = events;
		this.tokens = tokens;
	}

	/** The plaintext secret is in the result and nowhere else: the caller shows it once. */
	@Transactional
	public RegisteredCredentials register(NewClient request) {
		return register(request, null);
	}

	/** As {@link #register(NewClient)}, with a secret chosen by the operator (bootstrap, benchmarks). */
	@Transactional
	public RegisteredCredentials register(NewClient request, String chosenSecret) {
		if (request.clientType() == null) {
			throw metadata("client_type is required: one of web, spa, native, m2m, cli");
		}
		OAuthClient client = new OAuthClient();
		client.setId(UUID.randomUUID().toString());
		client.setClientId((request.clientId() != null) ? request.clientId() : UUID.randomUUID().toString());
		client.setClientType(request.clientType());
		applyMetadata(client, request);
		ClientPolicy.check(client);
		if (this.clients.existsByClientId(client.getClientId())) {
			throw metadata("client_id '" + client.getClientId() + "' is already registered");
		}
		String secret = client.isPublic() ? null
				: (chosenSecret != null) ? chosenSecret : ServerSecrets.randomBase64Url(32);
		client.setClientSecretHash((secret != null) ? this.secretHasher.encode(secret) : null);
		client.setClientIdIssuedAt(Instant.now());
		this.clients.save(client);
		// its redirect URIs may add browser origins
		this.registeredClients.evictAfterCommit(client.getClientId());
		return new RegisteredCredentials(client.getClientId(), secret);
	}

	/**
	 * Replaces a client's metadata (RFC 7592 §2.2: omitted fields take their defaults), except
	 * {@code enabled}, which stays as it is unless given: an edit must not revive a disabled
	 * client. Its type, and whether it is public, cannot change: that is a different application.
	 */
	@Transactional
	public Optional<OAuthClient> update(String clientId, NewClient request, Boolean enabled) {
		return this.clients.findByClientId(clientId).map((client) -> {
			if (request.clientType() != null && request.clientType() != client.getClientType()) {
				throw metadata("client_type cannot change from " + client.getClientType().value()
						+ ": register a new client instead");
			}
			boolean wasPublic = client.isPublic();
			applyMetadata(client, request);
			if (client.isPublic() != wasPublic) {
				throw metadata("a client cannot change between public and confidential: register a new client");
			}
			ClientPolicy.check(client);
			if (enabled != null) {
				client.setEnabled(enabled);
			}
			this.registeredClients.evictAfterCommit(clientId);
			return client;
		});
	}

	/**
	 * Where the client may send the browser after an RP-initiated logout (OpenID Connect
	 * RP-Initiated Logout §3): exact URIs, as redirect URIs are.
	 */
	@Transactional
	public void setPostLogoutRedirectUris(String clientId, Set<String> uris) {
		this.clients.findByClientId(clientId).ifPresent((client) -> {
			uris.forEach((uri) -> RedirectUriRules.check(uri, client.getClientType()));
			client.setPostLogoutRedirectUris(new LinkedHashSet<>(uris));
			client.setUpdatedAt(Instant.now());
			this.registeredClients.evictAfterCommit(clientId);
		});
	}

	/** The client's grants, checked against its type's rules; nothing happens when they are already these. */
	@Transactional
	public void setGrantTypes(String clientId, Set<String> grants) {
		this.clients.findByClientId(clientId)
			.filter((client) -> !client.getGrantTypes().equals(grants))
			.ifPresent((client) -> {
				client.setGrantTypes(new LinkedHashSet<>(grants));
				ClientPolicy.check(client);
				client.setUpdatedAt(Instant.now());
				this.registeredClients.evictAfterCommit(clientId);
			});
	}

	/** Lets the client introspect other clients' tokens (RFC 7662 §4), or stops it. */
	@Transactional
	public void setResourceServer(String clientId, boolean resourceServer) {
		this.clients.findByClientId(clientId)
			.filter((client) -> client.isResourceServer() != resourceServer)
			.ifPresent((client) -> {
				client.setResourceServer(resourceServer);
				ClientPolicy.check(client);
				client.setUpdatedAt(Instant.now());
				this.registeredClients.evictAfterCommit(clientId);
			});
	}

	/**
	 * Browser origins, beyond those of the redirect URIs, allowed to read the token, revocation and
	 * userinfo responses ({@link BrowserOrigins}); stored as browsers send them.
	 */
	@Transactional
	public void setAllowedCorsOrigins(String clientId, Set<String> origins) {
		this.clients.findByClientId(clientId).ifPresent((client) -> {
			Set<String> checked = new LinkedHashSet<>();
			origins.forEach((origin) -> checked.add(WebOrigin.checkAllowed(origin)));
			client.setAllowedCorsOrigins(checked);
			client.setUpdatedAt(Instant.now());
			this.registeredClients.evictAfterCommit(clientId);
		});
	}

	/** Deletes the client with every authorization and consent given to it: its tokens stop working. */
	@Transactional
	public boolean delete(String clientId) {
		return this.clients.findByClientId(clientId).map((client) -> {
			this.authorizations.revokeAllOfClient(client.getId());
			this.events.publishEvent(new ClientDeleted(client.getId()));
			this.clients.delete(client);
			this.registeredClients.evictAfterCommit(clientId);
			return true;
		}).orElse(false);
	}

	/** Also used by {@link RegistrationCheck}, which builds the client as registration would without storing it. */
	void applyMetadata(OAuthClient client, NewClient request) {
		ClientType type = client.getClientType();
		String authMethod = (request.authMethod() != null) ? request.authMethod() : type.defaultAuthMethod().getValue();
		client.setClientName(request.clientName());
		client.setAuthMethods(new LinkedHashSet<>(Set.of(authMethod)));
		client.setGrantTypes(grantTypes(request, type));
		ClientPolicy.checkResponseTypes(request.responseTypes(), client.getGrantTypes());
		client.setRedirectUris(new LinkedHashSet<>(nullToEmpty(request.redirectUris())));
		client.setScopes(new LinkedHashSet<>(nullToEmpty(request.scopes())));
		client.setFirstParty(request.firstParty());
		client.setResourceServer(request.resourceServer());
		client.setAudiences(new LinkedHashSet<>(nullToEmpty(request.audiences())));
		// only a confidential backend may opt out (seed 002's legacy flow): ClientPolicy refuses the rest
		client.setRequirePkce(request.requirePkce() == null || request.requirePkce());
		client.setAccessTokenFormat((request.accessTokenFormat() != null) ? request.accessTokenFormat() : "jwt");
		client.setAccessTokenTtlSeconds(orDefault(request.accessTokenTtlSeconds(),
				this.tokens.accessTokenTtl().toSeconds()));
		client.setRefreshTokenTtlSeconds(orDefault(request.refreshTokenTtlSeconds(),
				this.tokens.refreshTokenTtl().toSeconds()));
		client.setUpdatedAt(Instant.now());
	}

	private static Set<String> grantTypes(NewClient request, ClientType type) {
		Set<String> grants = new LinkedHashSet<>();
		if (request.grantTypes() != null) {
			ClientPolicy.checkGrantNames(request.grantTypes());
			grants.addAll(request.grantTypes());
		}
		else {
			type.defaultGrants().stream().map(AuthorizationGrantType::getValue).sorted().forEach(grants::add);
		}
		return grants;
	}

	private static Set<String> nullToEmpty(Set<String> values) {
		return (values != null) ? values : Set.of();
	}

	private static long orDefault(Long value, long fallback) {
		return (value != null) ? value : fallback;
	}

	/** A new client's id and, for a confidential client, its secret in plaintext (shown once). */
	public record RegisteredCredentials(String clientId, String clientSecret) {
	}

}
