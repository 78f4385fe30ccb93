package dev.oauthplatform.auth.client;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.secret.ServerSecrets;
import dev.oauthplatform.auth.token.Authorizations;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * Registers, changes and deletes clients: applies the type's defaults ({@link ClientDefaults}) and
 * {@link ClientPolicy}, generates secrets and stores only their hash.
 */
@Service
public class ClientRegistrar {

	private final OAuthClientRepository clients;

	private final JpaRegisteredClientRepository registeredClients;

	private final ClientSecretHasher secretHasher;

	private final Authorizations authorizations;

	private final ApplicationEventPublisher events;

	private final ClientDefaults defaults;

	ClientRegistrar(OAuthClientRepository clients, JpaRegisteredClientRepository registeredClients,
			ClientSecretHasher secretHasher, Authorizations authorizations, ApplicationEventPublisher events,
			ClientDefaults defaults) {
		this.clients = clients;
		this.registeredClients = registeredClients;
		this.secretHasher = secretHasher;
		this.authorizations = authorizations;
		this.events = events;
		this.defaults = defaults;
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
		this.defaults.apply(client, request);
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
			this.defaults.apply(client, request);
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

	/** A new client's id and, for a confidential client, its secret in plaintext (shown once). */
	public record RegisteredCredentials(String clientId, String clientSecret) {
	}

}
