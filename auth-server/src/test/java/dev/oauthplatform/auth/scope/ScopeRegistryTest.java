package dev.oauthplatform.auth.scope;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.scope.ScopeRegistry.Described;
import dev.oauthplatform.auth.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering a scope while another request registers the same one, on the real database. */
class ScopeRegistryTest extends HttpTest {

	@Autowired
	private ScopeRegistry registry;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aScopeInsertedByAnotherRequestMidwayIsReplacedNotRefused() throws InterruptedException {
		String name = "midway-" + UUID.randomUUID();
		CountDownLatch inserted = new CountDownLatch(1);
		// the other request inserts first and commits only after our read found nothing, so that
		// our insert waits on its key and then collides with it
		Thread other = new Thread(() -> this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("insert into oauth_scope (name, description, created_at, updated_at) "
					+ "values (?, 'First', current_timestamp, current_timestamp)", name);
			inserted.countDown();
			pause(500);
		}));
		other.start();
		inserted.await();

		Described described = this.registry.describe(name, "Second");
		other.join();

		assertThat(described.created()).isFalse();
		assertThat(this.jdbc.queryForObject("select description from oauth_scope where name = ?", String.class, name))
			.isEqualTo("Second");
	}

	@Test
	void aNewScopeIsCreatedAndThenReplaced() {
		String name = "fresh-" + UUID.randomUUID();
		assertThat(this.registry.describe(name, "One").created()).isTrue();
		Described again = this.registry.describe(name, "Two");
		assertThat(again.created()).isFalse();
		assertThat(again.scope().getDescription()).isEqualTo("Two");
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
