package dev.oauthplatform.auth.client;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

/**
 * The web origins whose pages may read the token, revocation and userinfo responses (CORS): the
 * origins of the http(s) redirect URIs of every enabled spa and native client, and the origins an
 * admin added to any enabled client. A preflight names no client, so the allowed set is the union.
 */
@Component
public class BrowserOrigins {

	/** As the client cache ({@link JpaRegisteredClientRepository}): evicted on every change, on every instance. */
	private static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private final LoadingCache<Boolean, Set<String>> allowed;

	BrowserOrigins(OAuthClientRepository clients) {
		this.allowed = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).build((ignored) -> load(clients));
	}

	public boolean isAllowed(String origin) {
		return this.allowed.get(Boolean.TRUE).contains(origin);
	}

	/**
	 * Forget the cached set: call after a client changes. By key, not invalidateAll: a removal by
	 * key waits for a load in progress and removes its result, which may predate the change.
	 */
	void evict() {
		this.allowed.invalidate(Boolean.TRUE);
	}

	private static Set<String> load(OAuthClientRepository clients) {
		Set<String> origins = new HashSet<>();
		for (OAuthClient client : clients.findByEnabledTrue()) {
			if (client.getClientType() == ClientType.SPA || client.getClientType() == ClientType.NATIVE) {
				client.getRedirectUris().forEach((uri) -> WebOrigin.ofRedirectUri(uri).ifPresent(origins::add));
			}
			origins.addAll(client.getAllowedCorsOrigins());
		}
		return Set.copyOf(origins);
	}

}
