package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.cluster.ClusterEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deny list answered from memory: what it knows, when it stops trusting its copy, and that
 * the table still answers then. (Over HTTP: StatelessAccessTokenTest; across instances: the
 * cluster suite's AdminChangesReachEveryInstanceTest.)
 */
@SpringBootTest
class RevokedTokenIdsTest {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private ClusterEvents cluster;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void aRevocationIsRememberedOnceCommittedAndNotBefore() {
		RevokedTokenIds list = new RevokedTokenIds(this.entityManager, this.cluster, 100_000);
		String jti = UUID.randomUUID().toString();
		assertThat(list.isRevoked(jti)).isFalse();

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			list.revoke(jti, Instant.now().plusSeconds(600));
			status.setRollbackOnly();
		});
		assertThat(list.isRevoked(jti)).as("rolled back").isFalse();

		revoke(list, jti);
		assertThat(list.isRevoked(jti)).isTrue();
		assertThat(list.remembered()).as("answered from memory").isPositive();
	}

	@Test
	void pastItsBoundTheCopyIsNotTrustedAndTheTableAnswers() {
		RevokedTokenIds list = new RevokedTokenIds(this.entityManager, this.cluster, 2);
		// a copy read from a table with more live rows than it may hold is not kept
		for (int i = 0; i < 3; i++) {
			revoke(list, UUID.randomUUID().toString());
		}
		String last = UUID.randomUUID().toString();
		revoke(list, last);

		assertThat(list.remembered()).as("not trusted").isEqualTo(-1);
		assertThat(list.isRevoked(last)).as("from the table").isTrue();
		assertThat(list.isRevoked(UUID.randomUUID().toString())).isFalse();
	}

	/** Every instance, not only the one whose turn it is to purge the table, keeps its copy within the bound. */
	@Test
	void atItsBoundTheCopyFirstForgetsTokensThatHaveExpired() {
		RevokedTokenIds list = new RevokedTokenIds(this.entityManager, this.cluster, 2);
		// other tests' rows gone: the table holds this test's rows only
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> list.purgeExpired(Instant.now().plusSeconds(3600)));
		revoke(list, UUID.randomUUID().toString(), Instant.now().minusSeconds(1));
		revoke(list, UUID.randomUUID().toString(), Instant.now().minusSeconds(1));
		String live = UUID.randomUUID().toString();

		revoke(list, live);

		assertThat(list.remembered()).as("trusted, holding the live one only").isEqualTo(1);
		assertThat(list.isRevoked(live)).isTrue();
	}

	private void revoke(RevokedTokenIds list, String jti) {
		revoke(list, jti, Instant.now().plusSeconds(600));
	}

	private void revoke(RevokedTokenIds list, String jti, Instant expiresAt) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> list.revoke(jti, expiresAt));
	}

}
