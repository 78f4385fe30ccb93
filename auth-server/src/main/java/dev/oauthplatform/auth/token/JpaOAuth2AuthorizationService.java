package dev.oauthplatform.auth.token;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

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

/**
 * Authorizations in the database, every code and token stored as its SHA-256 and found by that
 * indexed hash (one primary-key look-up, not an OR over token columns). Saves are optimistic:
 * of two requests spending the same code or refresh token at once, exactly one wins, and the
 * other gets {@code invalid_grant}, never a 500: writes own their transaction, commit included
 * ({@link AuthorizationWrites}). Reads are one statement each and need no transaction (no BEGIN
 * and COMMIT round trip for them on every token request); a caller's transaction, if any, they
 * join. A read gives its connection back before anything else is looked up (the client, the
 * keys): a request holding one connection while it waits for a second deadlocks the pool once as
 * many requests do so at once.
 */
@Service
public class JpaOAuth2AuthorizationService implements OAuth2AuthorizationService {

	private final EntityManager entityManager;

	private final RegisteredClientRepository clients;

	private final AuthorizationRowMapper mapper = new AuthorizationRowMapper();

	private final TransactionTemplate reads;

	private final AuthorizationWrites writes;

	private final RefreshTokenFamilies families;

	private final StatelessAccessTokens statelessTokens;

	private final SigningKeys signingKeys;

	JpaOAuth2AuthorizationService(EntityManager entityManager, RegisteredClientRepository clients,
			PlatformTransactionManager transactionManager, AuthorizationWrites writes, RefreshTokenFamilies families,
			StatelessAccessTokens statelessTokens, SigningKeys signingKeys) {
		this.entityManager = entityManager;
		this.clients = clients;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		this.reads.setReadOnly(true);
		this.writes = writes;
		this.families = families;
		this.statelessTokens = statelessTokens;
		this.signingKeys = signingKeys;
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void save(OAuth2Authorization authorization) {
		this.writes.save(authorization);
	}

	@Override
	@Transactional
	public void remove(OAuth2Authorization authorization) {
		if (Boolean.TRUE.equals(authorization.getAttribute(StatelessAccessTokens.STATELESS_ATTRIBUTE))) {
			return;
		}
		this.families.deleteGrant(authorization.getId());
	}

	/**
	 * Revokes every token of the authorization that holds this rotated-out refresh token, if any
	 * (reuse detection); whether it did. Its own transaction, as a save's.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public boolean revokeFamilyOfRotatedRefreshToken(String refreshToken) {
		return this.families.revokeFamilyOfRotatedRefreshToken(refreshToken);
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

}
