package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.oauthplatform.auth.key.SigningKeys;
import dev.oauthplatform.auth.persistence.DatabaseUnreachable;
import dev.oauthplatform.auth.persistence.UniqueKeyViolation;

/**
 * Authorizations in the database, every code and token stored as its SHA-256 and found by that
 * indexed hash (one primary-key look-up, not an OR over token columns). Saves are optimistic:
 * of two requests spending the same code or refresh token at once, exactly one wins, and the
 * other gets {@code invalid_grant}, never a 500: writes own their transaction, commit included.
 * Reads are one statement each and need no transaction (no BEGIN and COMMIT round trip for
 * them on every token request); a caller's transaction, if any, they join. A read gives its
 * connection back before anything else is looked up (the client, the keys): a request holding one
 * connection while it waits for a second deadlocks the pool once as many requests do so at once.
 */
@Service
public class JpaOAuth2AuthorizationService implements OAuth2AuthorizationService {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private final EntityManager entityManager;

	private final RegisteredClientRepository clients;

	private final AuthorizationMapper mapper = new AuthorizationMapper();

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final StatelessAccessTokens statelessTokens;

	private final SigningKeys signingKeys;

	private final UnacknowledgedCommits unacknowledgedCommits;

	JpaOAuth2AuthorizationService(EntityManager entityManager, RegisteredClientRepository clients,
			PlatformTransactionManager transactionManager, StatelessAccessTokens statelessTokens,
			SigningKeys signingKeys, UnacknowledgedCommits unacknowledgedCommits) {
		this.entityManager = entityManager;
		this.clients = clients;
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		this.reads.setReadOnly(true);
		this.statelessTokens = statelessTokens;
		this.signingKeys = signingKeys;
		this.unacknowledgedCommits = unacknowledgedCommits;
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void save(OAuth2Authorization authorization) {
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
			throw concurrentUse();
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
		Long readVersion = authorization.getAttribute(AuthorizationMapper.VERSION_ATTRIBUTE);
		Map<String, String> known = authorization.getAttribute(AuthorizationMapper.KNOWN_TOKENS_ATTRIBUTE);
		if (readVersion != null && known == null) {
			return false;
		}
		String newToken = this.mapper.newTokenHash(authorization, (known != null) ? known.keySet() : Set.of());
		return newToken != null && this.unacknowledgedCommits.committed(newToken);
	}

	/**
	 * The row is read FOR UPDATE, as family revocation reads it: a write and a revocation of one
	 * grant queue up, and whichever comes second sees what the first did. Unlocked, a write could
	 * insert its new tokens under a grant deleted a moment before (a foreign-key failure, a 500).
	 */
	private void write(OAuth2Authorization authorization) {
		Long readVersion = authorization.getAttribute(AuthorizationMapper.VERSION_ATTRIBUTE);
		Map<String, String> known = authorization.getAttribute(AuthorizationMapper.KNOWN_TOKENS_ATTRIBUTE);
		if (readVersion != null && known != null) {
			update(authorization, readVersion, known);
			return;
		}
		AuthorizationRecord record = this.entityManager.find(AuthorizationRecord.class, authorization.getId(),
				LockModeType.PESSIMISTIC_WRITE);
		if (record == null && readVersion != null) {
			// it was read from the database and is gone: revoked meanwhile (reuse detection, an
			// admin), and a revoked grant is never written back to life
			throw concurrentUse();
		}
		if (record == null) {
			record = new AuthorizationRecord();
			record.id = authorization.getId();
			this.mapper.copy(authorization, record, Instant.now());
			this.entityManager.persist(record);
		}
		else {
			if (readVersion != null && readVersion != record.version) {
				throw concurrentUse();
			}
			this.mapper.copy(authorization, record, Instant.now());
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
		AuthorizationMapper.Changes changes = this.mapper.changes(authorization, known, now);
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
			throw concurrentUse();
		}
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
		AuthorizationRecord record = this.entityManager.getReference(AuthorizationRecord.class, authorization.getId());
		for (IssuedToken token : changes.added()) {
			token.authorization = record;
			this.entityManager.persist(token);
		}
	}

	@Override
	@Transactional
	public void remove(OAuth2Authorization authorization) {
		if (Boolean.TRUE.equals(authorization.getAttribute(StatelessAccessTokens.STATELESS_ATTRIBUTE))) {
			return;
		}
		deleteGrant(authorization.getId());
	}

	/**
	 * One statement: the database deletes the grant's tokens by cascade. Removed through the
	 * entity manager, the grant's rotated-out history (one row per past refresh) was loaded and
	 * deleted row by row.
	 */
	private void deleteGrant(String id) {
		this.entityManager.createQuery("delete from AuthorizationRecord a where a.id = :id")
			.setParameter("id", id)
			.executeUpdate();
	}

	@Override
	public OAuth2Authorization findById(String id) {
		Grant grant = this.reads.execute((status) -> {
			AuthorizationRecord record = this.entityManager.find(AuthorizationRecord.class, id);
			return (record != null) ? new Grant(record, List.copyOf(record.tokens)) : null;
		});
		return (grant != null) ? toAuthorization(grant.record(), grant.tokens(), null, null) : null;
	}

	/** A grant as read, its tokens loaded: nothing is left to fetch once the connection is returned. */
	private record Grant(AuthorizationRecord record, List<IssuedToken> tokens) {
	}

	/**
	 * The authorization and its tokens in one statement, so from one snapshot: read in two (the
	 * token, then its siblings), a rotation committing in between would mix old and new. The
	 * refresh tokens rotated out are left in the database (reuse detection finds the family by
	 * them) but not read: a grant refreshed every few minutes for weeks has thousands.
	 */
	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if ((tokenType == null || OAuth2TokenType.ACCESS_TOKEN.equals(tokenType))
				&& this.statelessTokens.looksStateless(token)) {
			// a client_credentials JWT has no row to look for: its signature and the deny list answer
			return this.statelessTokens.find(token);
		}
		String hash = TokenHashes.hash(token);
		List<IssuedToken> tokens = this.reads.execute((status) -> this.entityManager
			.createQuery("select t from IssuedToken t join fetch t.authorization a where a.id = "
					+ "(select s.authorization.id from IssuedToken s where s.tokenHash = :hash) "
					+ "and (t.kind <> :rotated or t.tokenHash = :hash)", IssuedToken.class)
			.setParameter("hash", hash)
			.setParameter("rotated", TokenKind.ROTATED_REFRESH)
			.getResultList());
		IssuedToken issued = tokens.stream().filter((candidate) -> candidate.tokenHash.equals(hash)).findFirst().orElse(null);
		Set<TokenKind> kinds = kindsFor(tokenType);
		if (issued == null && kinds.contains(TokenKind.ACCESS)) {
			return this.statelessTokens.find(token);
		}
		if (issued == null || !kinds.contains(issued.kind) || signedByRetiredKey(issued, token)) {
			return null;
		}
		return toAuthorization(issued.authorization, tokens, hash, token);
	}

	/**
	 * Revokes every token of the authorization that holds this rotated-out refresh token, if any.
	 * The authorization row is locked first, so concurrent revocations and rotations queue up
	 * instead of deadlocking.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public boolean revokeFamilyOfRotatedRefreshToken(String refreshToken) {
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
	 * A JWT access token whose key was dropped (an emergency rotation, for a leaked key) is
	 * rejected by every resource server; introspection and userinfo say the same. Reference
	 * tokens are not signed.
	 */
	private boolean signedByRetiredKey(IssuedToken issued, String token) {
		return issued.kind == TokenKind.ACCESS && StatelessAccessTokens.isJwt(token)
				&& !this.signingKeys.isPublished(token);
	}

	/** The client's own tokens only: a deleted or disabled client's authorizations are not valid. */
	private OAuth2Authorization toAuthorization(AuthorizationRecord record, Collection<IssuedToken> tokens,
			String knownHash, String knownValue) {
		RegisteredClient client = this.clients.findById(record.registeredClientId);
		return (client != null) ? this.mapper.toAuthorization(record, tokens, client, knownHash, knownValue) : null;
	}

	private static Set<TokenKind> kindsFor(OAuth2TokenType tokenType) {
		if (tokenType == null) {
			return EnumSet.of(TokenKind.ACCESS, TokenKind.REFRESH);
		}
		return switch (tokenType.getValue()) {
			case OAuth2ParameterNames.STATE -> EnumSet.of(TokenKind.STATE);
			case OAuth2ParameterNames.CODE -> EnumSet.of(TokenKind.CODE);
			case OAuth2ParameterNames.ACCESS_TOKEN -> EnumSet.of(TokenKind.ACCESS);
			case OAuth2ParameterNames.REFRESH_TOKEN -> EnumSet.of(TokenKind.REFRESH);
			case OidcParameterNames.ID_TOKEN -> EnumSet.of(TokenKind.ID);
			case OAuth2ParameterNames.DEVICE_CODE -> EnumSet.of(TokenKind.DEVICE_CODE);
			case OAuth2ParameterNames.USER_CODE -> EnumSet.of(TokenKind.USER_CODE);
			default -> EnumSet.noneOf(TokenKind.class);
		};
	}

	/** Whether this refusal is the loser's of two requests spending one code or token at once. */
	public static boolean isConcurrentUse(OAuth2AuthenticationException ex) {
		return CONCURRENT_USE.equals(ex.getError().getDescription());
	}

	private static final String CONCURRENT_USE = "The grant was used by a concurrent request";

	private static OAuth2AuthenticationException concurrentUse() {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
				CONCURRENT_USE, ERROR_URI));
	}

}
