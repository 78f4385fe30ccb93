package dev.oauthplatform.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.secret.ServerSecrets;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/** Rotates client secrets with an overlap, and records when each secret was last used. */
@Service
public class ClientSecrets {

	public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(7);

	/** How stale a "last used" time may be: one write a minute per secret, not one per token request. */
	private static final long USE_RECORDING_INTERVAL_SECONDS = 60;

	private final OAuthClientRepository clients;

	private final JpaRegisteredClientRepository registeredClients;

	private final ClientSecretHasher hasher;

	private final Map<String, Long> lastRecorded = new ConcurrentHashMap<>();

	public ClientSecrets(OAuthClientRepository clients, JpaRegisteredClientRepository registeredClients,
			ClientSecretHasher hasher) {
		this.clients = clients;
		this.registeredClients = registeredClients;
		this.hasher = hasher;
	}

	/**
	 * A new secret, shown once. The current one becomes the previous one and keeps working for the
	 * grace period (zero: it stops at once); a previous secret still in its grace stops now.
	 */
	@Transactional
	public Optional<RotatedSecret> rotate(String clientId, Duration grace) {
		return this.clients.findByClientId(clientId).map((client) -> {
			if (client.isPublic()) {
				throw metadata("public clients have no secret to rotate");
			}
			String secret = ServerSecrets.randomBase64Url(32);
			Instant previousExpiry = grace.isZero() ? null : Instant.now().plus(grace);
			client.setPreviousSecretHash((previousExpiry != null) ? client.getClientSecretHash() : null);
			client.setPreviousSecretExpiresAt(previousExpiry);
			client.setPreviousSecretLastUsedAt((previousExpiry != null) ? client.getSecretLastUsedAt() : null);
			client.setClientSecretHash(this.hasher.encode(secret));
			client.setSecretLastUsedAt(null);
			client.setUpdatedAt(Instant.now());
			this.lastRecorded.remove(client.getId() + ":current");
			this.registeredClients.evictAfterCommit(clientId);
			return new RotatedSecret(clientId, secret, previousExpiry);
		});
	}

	/** After a successful client authentication with this secret. */
	public void recordUse(RegisteredClient client, String presentedSecret) {
		boolean current = this.hasher.matchedCurrent(presentedSecret, client.getClientSecret());
		String key = client.getId() + (current ? ":current" : ":previous");
		long now = Instant.now().getEpochSecond();
		Long last = this.lastRecorded.get(key);
		if (last != null && now - last < USE_RECORDING_INTERVAL_SECONDS) {
			return;
		}
		this.lastRecorded.put(key, now);
		if (current) {
			this.clients.recordSecretUse(client.getId(), Instant.ofEpochSecond(now));
		}
		else {
			this.clients.recordPreviousSecretUse(client.getId(), Instant.ofEpochSecond(now));
		}
	}

	/** The new secret in plaintext, and until when the previous one still works (null: it stopped). */
	public record RotatedSecret(String clientId, String clientSecret, Instant previousSecretExpiresAt) {
	}

}
