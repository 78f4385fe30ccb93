package dev.oauthplatform.auth.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.oauthplatform.auth.cluster.ChangeSubscriber;
import dev.oauthplatform.auth.cluster.ClusterEvents;
import dev.oauthplatform.auth.token.TokenProperties;

/**
 * The framework's view of our clients. A disabled client is invisible here, so the token endpoint
 * answers {@code invalid_client} and its tokens introspect as inactive.
 */
@Repository
public class JpaRegisteredClientRepository implements RegisteredClientRepository {

	/** Client setting naming the {@link ClientType}. */
	public static final String CLIENT_TYPE_SETTING = "settings.client.client-type";

	/** Announces a changed client_id to every instance ({@link ClusterEvents}). */
	static final String CHANGES = "auth_client_changed";

	/**
	 * Every token request looks its client up: cached, evicted on every change, here and (by
	 * {@link #CHANGES}) on every other instance. The lifetime only bounds staleness when those
	 * announcements cannot be heard (an instance reconnecting to PostgreSQL).
	 */
	private static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private final OAuthClientRepository clients;

	private final RegisteredClientMapping mapping;

	private final Cache<String, RegisteredClient> byClientId = Caffeine.newBuilder()
		.expireAfterWrite(CACHE_TTL)
		.maximumSize(10_000)
		.build();

	/**
	 * The same clients by their internal id (every stored authorization names its client so):
	 * emptied on every eviction, clients change rarely, and a change of client_id must not leave
	 * the old one behind here.
	 */
	private final Cache<String, RegisteredClient> byId = Caffeine.newBuilder()
		.expireAfterWrite(CACHE_TTL)
		.maximumSize(10_000)
		.build();

	/**
	 * Counts evictions: a lookup that read the row before an eviction must not cache what it read
	 * after it (the announcement of a commit can arrive between its read and its put).
	 */
	private final AtomicLong evictions = new AtomicLong();

	private final BrowserOrigins browserOrigins;

	private final ClusterEvents cluster;

	public JpaRegisteredClientRepository(OAuthClientRepository clients, TokenProperties tokens,
			BrowserOrigins browserOrigins, ClusterEvents cluster) {
		this.clients = clients;
		this.browserOrigins = browserOrigins;
		this.mapping = new RegisteredClientMapping(tokens.codeTtl());
		this.cluster = cluster;
		cluster.subscribe(CHANGES, ChangeSubscriber.of(this::evict, this::evictAll));
	}

	/** Forget what is cached of this client: call after changing it. */
	public void evict(String clientId) {
		this.evictions.incrementAndGet();
		this.byClientId.invalidate(clientId);
		this.byId.invalidateAll();
		this.browserOrigins.evict();
	}

	private void evictAll() {
		this.evictions.incrementAndGet();
		this.byClientId.invalidateAll();
		this.byId.invalidateAll();
		this.browserOrigins.evict();
	}

	/**
	 * Evict once the change is committed: evicting earlier would let a concurrent token request
	 * cache the old row again. Every other instance evicts on the announcement, sent on commit.
	 */
	void evictAfterCommit(String clientId) {
		evict(clientId);
		this.cluster.publish(CHANGES, clientId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					evict(clientId);
				}
			});
		}
	}

	@Override
	@Transactional
	public void save(RegisteredClient registeredClient) {
		// The framework calls this only to re-encode a secret, and ClientSecretHasher never asks
		// for that: clients change through ClientRegistrar.
		throw new UnsupportedOperationException("Clients are changed through ClientRegistrar");
	}

	/** Cached as {@link #findByClientId}: every refresh, code exchange and introspection asks. */
	@Override
	public RegisteredClient findById(String id) {
		return cached(this.byId, id, this.clients::findById);
	}

	/** Unknown and disabled clients are not cached: they are looked up every time. */
	@Override
	public RegisteredClient findByClientId(String clientId) {
		return cached(this.byClientId, clientId, this.clients::findByClientId);
	}

	private RegisteredClient cached(Cache<String, RegisteredClient> cache, String key,
			Function<String, Optional<OAuthClient>> lookup) {
		RegisteredClient cached = cache.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long evictionsBefore = this.evictions.get();
		RegisteredClient client = lookup.apply(key)
			.filter(OAuthClient::isEnabled)
			.map(this.mapping::toRegisteredClient)
			.orElse(null);
		if (client != null && this.evictions.get() == evictionsBefore) {
			cache.put(key, client);
			if (this.evictions.get() != evictionsBefore) {
				// evicted between the check and the put: what was read may be the old row
				cache.invalidate(key);
			}
		}
		return client;
	}

}
