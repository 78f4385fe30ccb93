package dev.oauthplatform.auth.token;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grants revoked whole: a family is every token one authorization issued, the refresh tokens
 * rotated out of it included, and it goes in one statement.
 */
@Component
class RefreshTokenFamilies {

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	RefreshTokenFamilies(EntityManager entityManager, PlatformTransactionManager transactionManager) {
		this.entityManager = entityManager;
		this.writes = new TransactionTemplate(transactionManager);
	}

	/**
	 * Revokes every token of the authorization that holds this rotated-out refresh token, if any.
	 * The authorization row is locked first, so concurrent revocations and rotations queue up
	 * instead of deadlocking.
	 */
	boolean revokeFamilyOfRotatedRefreshToken(String refreshToken) {
		String hash = TokenHashes.hash(refreshToken);
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(this.writes.execute((status) -> revokeFamily(hash)));
			}
			catch (ConcurrencyFailureException | OptimisticLockException | PessimisticLockException ex) {
				if (attempt == 3) {
					return true; // the family keeps changing under concurrent requests: refuse this one anyway
				}
			}
		}
	}

	private boolean revokeFamily(String refreshTokenHash) {
		String familyId = this.entityManager
			.createQuery("select t.authorization.id from IssuedToken t where t.tokenHash = :hash and t.kind = :kind",
					String.class)
			.setParameter("hash", refreshTokenHash)
			.setParameter("kind", TokenKind.ROTATED_REFRESH)
			.getResultStream()
			.findFirst()
			.orElse(null);
		if (familyId == null) {
			return false;
		}
		// the delete takes the grant's row lock: a rotation in flight either committed before it
		// (and is deleted with it) or finds its version gone
		deleteGrant(familyId);
		return true;
	}

	/**
	 * One statement: the database deletes the grant's tokens by cascade. Removed through the
	 * entity manager, the grant's rotated-out history (one row per past refresh) was loaded and
	 * deleted row by row.
	 */
	void deleteGrant(String id) {
		this.entityManager.createQuery("delete from AuthorizationRecord a where a.id = :id")
			.setParameter("id", id)
			.executeUpdate();
	}

}
