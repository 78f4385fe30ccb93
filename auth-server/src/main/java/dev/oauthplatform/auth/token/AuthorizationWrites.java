package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.persistence.DatabaseUnreachable;
import dev.oauthplatform.auth.persistence.UniqueKeyViolation;

/**
 * Saves, optimistic: of two requests spending the same code or refresh token at once, exactly one
 * wins, and the other gets {@code invalid_grant} ({@link ConcurrentUse}), never a 500. Each save
 * owns its transaction, commit included, so a commit failing is seen here too.
 */
@Component
class AuthorizationWrites {

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	private final AuthorizationRows rows = new AuthorizationRows();

	private final StatelessAccessTokens statelessTokens;

	private final UnacknowledgedCommits unacknowledgedCommits;

	AuthorizationWrites(EntityManager entityManager, PlatformTransactionManager transactionManager,
			StatelessAccessTokens statelessTokens, UnacknowledgedCommits unacknowledgedCommits) {
		this.entityManager = entityManager;
		this.writes = new TransactionTemplate(transactionManager);
		this.statelessTokens = statelessTokens;
		this.unacknowledgedCommits = unacknowledgedCommits;
	}

	void save(OAuth2Authorization authorization) {
		if (StatelessAccessTokens.isStateless(authorization)) {
			// issuing writes nothing; revoking records the jti
			try {
				this.writes.executeWithoutResult((status) -> this.statelessTokens.revoke(authorization));
			}
			catch (DataIntegrityViolationException ex) {
				if (!UniqueKeyViolation.is(ex)) {
					throw ex;
				}
				// the same token revoked by a concurrent request: it is on the deny list either way
			}
			return;
		}
		boolean[] sent = new boolean[1];
		try {
			this.writes.executeWithoutResult((status) -> {
				write(authorization);
				sent[0] = true;
			});
		}
		catch (ConcurrencyFailureException | OptimisticLockException | PessimisticLockException ex) {
			throw ConcurrentUse.refusal();
		}
		catch (RuntimeException ex) {
			if (!sent[0] || !DatabaseUnreachable.is(ex) || !committedAfterAll(authorization)) {
				throw ex;
			}
		}
	}

	/**
	 * The transaction's statements ran (the new tokens' inserts go with the commit's flush) and the
	 * commit's answer was lost: it may have happened anyway. Only for a save whose every stored
	 * token is known from its read, so that the token asked about can only be this save's.
	 */
	private boolean committedAfterAll(OAuth2Authorization authorization) {
		Long readVersion = authorization.getAttribute(AuthorizationRowMapper.VERSION_ATTRIBUTE);
		Map<String, String> known = authorization.getAttribute(AuthorizationRowMapper.KNOWN_TOKENS_ATTRIBUTE);
		if (readVersion != null && known == null) {
			return false;
		}
		String newToken = this.rows.newTokenHash(authorization, (known != null) ? known.keySet() : Set.of());
		return newToken != null && this.unacknowledgedCommits.committed(newToken);
	}

	/**
	 * The row is read FOR UPDATE, as family revocation reads it: a write and a revocation of one
	 * grant queue up, and whichever comes second sees what the first did. Unlocked, a write could
	 * insert its new tokens under a grant deleted a moment before (a foreign-key failure, a 500).
	 */
	private void write(OAuth2Authorization authorization) {
		Long readVersion = authorization.getAttribute(AuthorizationRowMapper.VERSION_ATTRIBUTE);
		Map<String, String> known = authorization.getAttribute(AuthorizationRowMapper.KNOWN_TOKENS_ATTRIBUTE);
		if (readVersion != null && known != null) {
			update(authorization, readVersion, known);
			return;
		}
		AuthorizationRecord record = this.entityManager.find(AuthorizationRecord.class, authorization.getId(),
				LockModeType.PESSIMISTIC_WRITE);
		if (record == null && readVersion != null) {
			// it was read from the database and is gone: revoked meanwhile (reuse detection, an
			// admin), and a revoked grant is never written back to life
			throw ConcurrentUse.refusal();
		}
		if (record == null) {
			record = new AuthorizationRecord();
			record.id = authorization.getId();
			this.rows.copy(authorization, record, Instant.now());
			this.entityManager.persist(record);
		}
		else {
			if (readVersion != null && readVersion != record.version) {
				throw ConcurrentUse.refusal();
			}
			this.rows.copy(authorization, record, Instant.now());
		}
	}

	/**
	 * An authorization read before: no second read, locked or not. The grant's row is updated
	 * first, on the version read, which takes its lock: of two saves of one read (two requests
	 * spending one code or refresh token) the second finds the version gone and changes nothing,
	 * and a grant revoked meanwhile has no row left to update, so no token is written under it.
	 * Then only the tokens that changed: those gone deleted, the refresh token rotated out
	 * relabelled, the new ones inserted (one JDBC batch).
	 */
	private void update(OAuth2Authorization authorization, long readVersion, Map<String, String> known) {
		Instant now = Instant.now();
		AuthorizationRows.Changes changes = this.rows.changes(authorization, known, now);
		int updated = this.entityManager
			.createQuery("update AuthorizationRecord a set a.version = a.version + 1, "
					+ "a.registeredClientId = :client, a.principalName = :principal, a.grantType = :grantType, "
					+ "a.authorizedScopes = :scopes, a.attributes = :attributes, a.updatedAt = :now, "
					+ "a.expiresAt = case when a.expiresAt > :expiresAt then a.expiresAt else :expiresAt end "
					+ "where a.id = :id and a.version = :version")
			.setParameter("client", authorization.getRegisteredClientId())
			.setParameter("principal", authorization.getPrincipalName())
			.setParameter("grantType", authorization.getAuthorizationGrantType().getValue())
			.setParameter("scopes", changes.authorizedScopes())
			.setParameter("attributes", changes.attributes())
			.setParameter("now", now)
			.setParameter("expiresAt", changes.expiresAt())
			.setParameter("id", authorization.getId())
			.setParameter("version", readVersion)
			.executeUpdate();
		if (updated == 0) {
			throw ConcurrentUse.refusal();
		}
		writeTokens(authorization.getId(), changes);
	}

	private void writeTokens(String authorizationId, AuthorizationRows.Changes changes) {
		// setParameterList: given a list, setParameter first tries it as one string, and throws
		if (!changes.removed().isEmpty()) {
			this.entityManager.createQuery("delete from IssuedToken t where t.tokenHash in :hashes")
				.unwrap(org.hibernate.query.Query.class)
				.setParameterList("hashes", changes.removed())
				.executeUpdate();
		}
		if (!changes.rotated().isEmpty()) {
			this.entityManager.createQuery("update IssuedToken t set t.kind = :rotated where t.tokenHash in :hashes")
				.unwrap(org.hibernate.query.Query.class)
				.setParameter("rotated", TokenKind.ROTATED_REFRESH)
				.setParameterList("hashes", changes.rotated())
				.executeUpdate();
		}
		for (IssuedToken token : changes.changed()) {
			this.entityManager
				.createQuery("update IssuedToken t set t.kind = :kind, t.metadata = :metadata, t.expiresAt = :expiresAt "
						+ "where t.tokenHash = :hash")
				.setParameter("kind", token.kind)
				.setParameter("metadata", token.metadata)
				.setParameter("expiresAt", token.expiresAt)
				.setParameter("hash", token.tokenHash)
				.executeUpdate();
		}
		AuthorizationRecord record = this.entityManager.getReference(AuthorizationRecord.class, authorizationId);
		for (IssuedToken token : changes.added()) {
			token.authorization = record;
			this.entityManager.persist(token);
		}
	}

}
