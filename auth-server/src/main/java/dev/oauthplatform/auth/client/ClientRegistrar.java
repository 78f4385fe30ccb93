package dev.oauthplatform.auth.client;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.config.AuthProperties;
import dev.oauthplatform.auth.config.GeneratedSecrets;

/** Registers clients: applies the type's defaults, generates the secret, stores only its hash. */
@Service
public class ClientRegistrar {

	private final OAuthClientRepository clients;

	private final ClientSecretHasher secretHasher;

	private final AuthProperties properties;

	public ClientRegistrar(OAuthClientRepository clients, ClientSecretHasher secretHasher,
			AuthProperties properties) {
		this.clients = clients;
		this.secretHasher = secretHasher;
		this.properties = properties;
	}

	/** The plaintext secret is in the result and nowhere else: the caller shows it once. */
	@Transactional
	public RegisteredCredentials register(NewClient request) {
		return register(request, null);
	}

	/** As {@link #register(NewClient)}, with a secret chosen by the operator (bootstrap, benchmarks). */
	@Transactional
	public RegisteredCredentials register(NewClient request, String chosenSecret) {
		ClientType type = request.clientType();
		String authMethod = (request.authMethod() != null) ? request.authMethod() : type.defaultAuthMethod().getValue();
		boolean isPublic = ClientAuthenticationMethod.NONE.getValue().equals(authMethod);
		String secret = isPublic ? null : (chosenSecret != null) ? chosenSecret : GeneratedSecrets.randomBase64Url(32);

		OAuthClient client = new OAuthClient();
		client.setId(UUID.randomUUID().toString());
		client.setClientId((request.clientId() != null) ? request.clientId() : UUID.randomUUID().toString());
		client.setClientName(request.clientName());
		client.setClientType(type);
		client.setClientSecretHash((secret != null) ? this.secretHasher.encode(secret) : null);
		client.setClientIdIssuedAt(Instant.now());
		client.setAuthMethods(new LinkedHashSet<>(Set.of(authMethod)));
		client.setGrantTypes(grantTypes(request, type));
		client.setRedirectUris(new LinkedHashSet<>(nullToEmpty(request.redirectUris())));
		client.setScopes(new LinkedHashSet<>(nullToEmpty(request.scopes())));
		client.setFirstParty(request.firstParty());
		// Public clients always use PKCE; only a confidential backend may opt out (seed 002's legacy flow).
		client.setRequirePkce(isPublic || request.requirePkce() == null || request.requirePkce());
		client.setAccessTokenFormat((request.accessTokenFormat() != null) ? request.accessTokenFormat() : "jwt");
		client.setAccessTokenTtlSeconds(orDefault(request.accessTokenTtlSeconds(),
				this.properties.tokens().accessTokenTtl().toSeconds()));
		client.setRefreshTokenTtlSeconds(orDefault(request.refreshTokenTtlSeconds(),
				this.properties.tokens().refreshTokenTtl().toSeconds()));
		client.setUpdatedAt(Instant.now());
		this.clients.save(client);
		return new RegisteredCredentials(client.getClientId(), secret);
	}

	private static Set<String> grantTypes(NewClient request, ClientType type) {
		Set<String> grants = new LinkedHashSet<>();
		if (request.grantTypes() != null) {
			grants.addAll(request.grantTypes());
		}
		else {
			type.allowedGrants().stream().map(AuthorizationGrantType::getValue).sorted().forEach(grants::add);
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
