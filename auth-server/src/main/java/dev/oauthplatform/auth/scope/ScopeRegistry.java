package dev.oauthplatform.auth.scope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.persistence.UniqueKeyViolation;

/** Registers or re-describes a scope, also when two admins register the same new scope at once. */
@Service
public class ScopeRegistry {

	private final ScopeRepository scopes;

	private final TransactionTemplate transaction;

	public ScopeRegistry(ScopeRepository scopes, TransactionTemplate transaction) {
		this.scopes = scopes;
		this.transaction = transaction;
	}

	public Described describe(String name, String description) {
		try {
			return this.transaction.execute((status) -> createOrReplace(name, description));
		}
		catch (DataIntegrityViolationException ex) {
			if (!UniqueKeyViolation.is(ex)) {
				throw ex;
			}
			// another request inserted it between our read and our insert: now it is a replace
			return this.transaction.execute((status) -> createOrReplace(name, description));
		}
	}

	private Described createOrReplace(String name, String description) {
		// the database keeps microseconds: the answer shows what a later read shows
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Optional<Scope> existing = this.scopes.findById(name);
		if (existing.isPresent()) {
			existing.get().setDescription(description);
			existing.get().setUpdatedAt(now);
			return new Described(existing.get(), false);
		}
		Scope scope = new Scope();
		scope.setName(name);
		scope.setDescription(description);
		scope.setCreatedAt(now);
		scope.setUpdatedAt(now);
		this.scopes.save(scope);
		return new Described(scope, true);
	}

	/** The scope as stored, and whether this request created it. */
	public record Described(Scope scope, boolean created) {
	}

}
