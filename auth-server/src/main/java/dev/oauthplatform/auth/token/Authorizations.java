package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorizations (grants) as an admin sees them: listed per user and revoked, one at a time or
 * all of a user's or a client's. Revoking deletes the grant and, by cascade, every code and token
 * of it: refresh tokens and reference tokens stop working at once, JWTs at introspection. A user's
 * grants carry the user's immutable id as principal name.
 */
@Service
@Transactional
public class Authorizations {

	private final EntityManager entityManager;

	Authorizations(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Transactional(readOnly = true)
	public List<Summary> activeOfUser(String userId) {
		return active("a.principalName = :key", userId);
	}

	@Transactional(readOnly = true)
	public List<Summary> activeOfClient(String registeredClientId) {
		return active("a.registeredClientId = :key", registeredClientId);
	}

	private List<Summary> active(String condition, String key) {
		return this.entityManager
			.createQuery("select a from AuthorizationRecord a where " + condition + " and a.expiresAt > :now "
					+ "and exists (select t from IssuedToken t where t.authorization = a and t.kind in :issued) "
					+ "order by a.createdAt desc", AuthorizationRecord.class)
			.setParameter("key", key)
			.setParameter("now", Instant.now())
			// a flow still at the login or consent page has no token yet: nothing to revoke
			.setParameter("issued", List.of(TokenKind.ACCESS, TokenKind.REFRESH))
			.getResultStream()
			.map(Authorizations::summary)
			.toList();
	}

	public boolean revoke(String userId, String authorizationId) {
		return delete("a.principalName = :user and a.id = :id", "user", userId, "id", authorizationId) > 0;
	}

	public boolean revokeOfClient(String registeredClientId, String authorizationId) {
		return delete("a.registeredClientId = :client and a.id = :id", "client", registeredClientId, "id",
				authorizationId) > 0;
	}

	public int revokeAllOfUser(String userId) {
		return delete("a.principalName = :user", "user", userId);
	}

	public int revokeAllOfClient(String registeredClientId) {
		return delete("a.registeredClientId = :client", "client", registeredClientId);
	}

	public int revokeAllOfUserForClient(String userId, String registeredClientId) {
		return delete("a.principalName = :user and a.registeredClientId = :client", "user", userId, "client",
				registeredClientId);
	}

	/** Tokens go with their grant: oauth_token rows are deleted by the database's cascade. */
	private int delete(String condition, Object... namesAndValues) {
		var query = this.entityManager.createQuery("delete from AuthorizationRecord a where " + condition);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			query.setParameter((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return query.executeUpdate();
	}

	private static Summary summary(AuthorizationRecord record) {
		Set<String> scopes = Arrays.stream(record.authorizedScopes.split(" "))
			.filter((scope) -> !scope.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return new Summary(record.id, record.registeredClientId, record.principalName, record.grantType, scopes,
				record.createdAt, record.updatedAt, record.expiresAt);
	}

	/** One grant, without any token value. */
	public record Summary(String id, String registeredClientId, String principalName, String grantType,
			Set<String> scopes,
			Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
	}

}
