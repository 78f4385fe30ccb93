package dev.oauthplatform.auth.scope;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent page's view of the registry: each requested scope as a sentence, from the real database. */
class ScopeDescriptionsTest extends HttpTest {

	@Autowired
	private ScopeDescriptions descriptions;

	@Autowired
	private ScopeRepository scopes;

	@Test
	void aRegisteredScopeIsDescribedByItsSentence() {
		assertThat(this.descriptions.describe(List.of("notes.read")))
			.containsExactly(new DescribedScope("notes.read", "Read your notes", true));
	}

	@Test
	void anUnknownScopeKeepsItsNameAsItsDescription() {
		String unknown = "unregistered-" + UUID.randomUUID();
		assertThat(this.descriptions.describe(List.of(unknown)))
			.containsExactly(new DescribedScope(unknown, unknown, false));
	}

	@Test
	void theOrderGivenIsKeptWithUnknownScopesInTheirPlace() {
		String unknown = "billing.read-" + UUID.randomUUID();
		TreeSet<String> requested = new TreeSet<>(List.of("openid", unknown, "email", "profile"));
		assertThat(this.descriptions.describe(requested)).extracting(DescribedScope::name)
			.containsExactly(unknown, "email", "openid", "profile");
		assertThat(this.descriptions.describe(requested)).extracting(DescribedScope::known)
			.containsExactly(false, true, true, true);
	}

	@Test
	void aDeletedScopeIsShownByItsNameAgain() {
		String name = "reports.read-" + UUID.randomUUID();
		this.scopes.save(scope(name, "Read your reports"));
		assertThat(this.descriptions.describe(List.of(name))).extracting(DescribedScope::description)
			.containsExactly("Read your reports");

		this.scopes.deleteByNameIfPresent(name);

		assertThat(this.descriptions.describe(List.of(name)))
			.containsExactly(new DescribedScope(name, name, false));
	}

	@Test
	void oneQueryForAllTheScopesNotOnePerScope() {
		List<String> requested = List.of("openid", "profile", "email", "notes.read", "unknown-" + UUID.randomUUID());
		assertThat(SqlStatements.sentDuring(() -> this.descriptions.describe(requested))).isEqualTo(1);
		assertThat(SqlStatements.sentDuring(() -> this.descriptions.describe(List.of()))).isZero();
	}

	private static Scope scope(String name, String description) {
		Scope scope = new Scope();
		scope.setName(name);
		scope.setDescription(description);
		scope.setCreatedAt(Instant.now());
		scope.setUpdatedAt(Instant.now());
		return scope;
	}

}
