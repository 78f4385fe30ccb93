package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorizations in the database, every code and token stored as its SHA-256 and found by that
 * indexed hash (one primary-key look-up, not an OR over token columns). Saves are optimistic:
 * of two requests spending the same code or refresh token at once, exactly one wins.
 */
@Service
@Transactional
public class JpaOAuth2AuthorizationService implements OAuth2AuthorizationService {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private final EntityManager entityManager;

	private final RegisteredClientRepository clients;

	private final AuthorizationMapper mapper = new AuthorizationMapper();

	public JpaOAuth2AuthorizationService(EntityManager entityManager, RegisteredClientRepository clients) {
		this.entityManager = entityManager;
		this.clients = clients;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		AuthorizationRecord record = this.entityManager.find(AuthorizationRecord.class, authorization.getId());
		Long readVersion = authorization.getAttribute(AuthorizationMapper.VERSION_ATTRIBUTE);
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
		try {
			this.entityManager.flush();
		}
		catch (OptimisticLockException | ObjectOptimisticLockingFailureException ex) {
			throw concurrentUse();
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		AuthorizationRecord record = this.entityManager.find(AuthorizationRecord.class, authorization.getId());
		if (record != null) {
			this.entityManager.remove(record);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public OAuth2Authorization findById(String id) {
		AuthorizationRecord record = this.entityManager.find(AuthorizationRecord.class, id);
		return (record != null) ? toAuthorization(record, null, null) : null;
	}

	@Override
	@Transactional(readOnly = true)
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		String hash = TokenHashes.hash(token);
		IssuedToken issued = this.entityManager.find(IssuedToken.class, hash);
		if (issued == null || !kindsFor(tokenType).contains(issued.kind)) {
			return null;
		}
		return toAuthorization(issued.authorization, hash, token);
	}

	/** Revokes every token of the authorization that holds this rotated-out refresh token, if any. */
	public boolean revokeFamilyOfRotatedRefreshToken(String refreshToken) {
		IssuedToken issued = this.entityManager.find(IssuedToken.class, TokenHashes.hash(refreshToken));
		if (issued == null || issued.kind != TokenKind.ROTATED_REFRESH) {
			return false;
		}
		this.entityManager.remove(issued.authorization);
		return true;
	}

	/** The client's own tokens only: a deleted or disabled client's authorizations are not valid. */
	private OAuth2Authorization toAuthorization(AuthorizationRecord record, String knownHash, String knownValue) {
		RegisteredClient client = this.clients.findById(record.registeredClientId);
		return (client != null) ? this.mapper.toAuthorization(record, client, knownHash, knownValue) : null;
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
			default -> EnumSet.noneOf(TokenKind.class);
		};
	}

	private static OAuth2AuthenticationException concurrentUse() {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
				"The grant was used by a concurrent request", ERROR_URI));
	}

}
