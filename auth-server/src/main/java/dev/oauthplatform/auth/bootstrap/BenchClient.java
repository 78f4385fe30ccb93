package dev.oauthplatform.auth.bootstrap;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.client.ClientRegistrar;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;

/**
 * {@code bench/run.sh} only (profile {@code bench}): the shared benchmark's machine client,
 * {@code bench-m2m} with the secret the load scripts send, a public CLI client for the
 * password and refresh benchmarks, and a confidential web client (same secret, PKCE, first party:
 * no consent page) for the authorization code benchmark.
 */
@Component
@Order(3)
class BenchClient implements StartupTask {

	private final ClientRegistrar registrar;

	private final OAuthClientRepository clients;

	private final String secret;

	private final Environment environment;

	BenchClient(ClientRegistrar registrar, OAuthClientRepository clients,
			@Value("${BENCH_CLIENT_SECRET:bench-m2m-secret-0123456789abcdef}") String secret, Environment environment) {
		this.environment = environment;
		this.registrar = registrar;
		this.clients = clients;
		this.secret = secret;
	}

	@Override
	public void run() {
		// checked at run time, not with @Profile: ahead-of-time processing fixes profiles at build time
		if (!this.environment.matchesProfiles("bench")) {
			return;
		}
		if (!this.clients.existsByClientId("bench-m2m")) {
			this.registrar.register(NewClient.of("bench-m2m", "Benchmark machine client", ClientType.M2M, Set.of(),
					Set.of("notes.read"), true), this.secret);
		}
		if (!this.clients.existsByClientId("bench-cli")) {
			this.registrar.register(NewClient.of("bench-cli", "Benchmark CLI client", ClientType.CLI, Set.of(),
					Set.of("notes.read"), true));
		}
		if (!this.clients.existsByClientId("bench-web")) {
			this.registrar.register(NewClient.of("bench-web", "Benchmark web client", ClientType.WEB,
					Set.of("http://localhost:3000/bench/callback"), Set.of("openid", "notes.read"), true), this.secret);
		}
	}

}
