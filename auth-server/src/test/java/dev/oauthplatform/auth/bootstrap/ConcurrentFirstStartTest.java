package dev.oauthplatform.auth.bootstrap;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.oauthplatform.auth.support.Instances;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances first started at once on an empty PostgreSQL schema: both come up, and what a
 * first start creates exists once (one creates it under the start-up lock, the other finds it).
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class ConcurrentFirstStartTest {

	private final String database = Instances.freshDatabase();

	private final List<CompletableFuture<ConfigurableApplicationContext>> instances = List.of(start(), start());

	@AfterEach
	void stop() {
		this.instances.forEach((instance) -> instance.thenAccept(ConfigurableApplicationContext::close).join());
		Instances.drop(this.database);
	}

	@Test
	void bothComeUpAndTheAdminTheBuiltInClientsAndTheKeysExistOnce() {
		CompletableFuture.allOf(this.instances.toArray(CompletableFuture[]::new)).join();

		JdbcTemplate jdbc = this.instances.get(0).join().getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'admin'", Integer.class))
			.isEqualTo(1);
		assertThat(jdbc.queryForList("select client_id from oauth_client order by client_id", String.class))
			.containsExactly(Bootstrap.ADMIN_CLI, Bootstrap.ADMIN_CONSOLE);
		assertThat(jdbc.queryForList("select algorithm from signing_key where state = 'SIGNING' order by algorithm",
				String.class))
			.containsExactly("ES256", "RS256");
	}

	private CompletableFuture<ConfigurableApplicationContext> start() {
		return CompletableFuture.supplyAsync(() -> Instances.start(this.database));
	}

}
