package dev.oauthplatform.auth.grant.device;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.audit.AuditType;

/**
 * What the verification page does with a typed user code: finds the device request it stands for
 * (rationed: {@link UserCodeAttempts}), then approves it for the signed-in user, who becomes the
 * subject of the device's tokens, or denies it, after which the device's polls get
 * {@code access_denied}. Either way the user code is spent.
 */
@Component
class DeviceVerification {

	private static final OAuth2TokenType USER_CODE = new OAuth2TokenType(OAuth2ParameterNames.USER_CODE);

	private final OAuth2AuthorizationService authorizations;

	private final RegisteredClientRepository clients;

	private final UserCodeAttempts attempts;

	private final AuditLog audit;

	DeviceVerification(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
			UserCodeAttempts attempts, AuditLog audit) {
		this.authorizations = authorizations;
		this.clients = clients;
		this.attempts = attempts;
		this.audit = audit;
	}

	/** A device request waiting for a person, as the confirmation page shows it. */
	record Pending(String userCode, RegisteredClient client, Set<String> scopes, OAuth2Authorization authorization) {

		RequestOrigin origin() {
			return RequestOrigin.of(this.authorization);
		}

	}

	sealed interface Lookup permits Found, NotFound, OutOfTries {
	}

	record Found(Pending pending) implements Lookup {
	}

	/** No live request under that code: mistyped, expired, already used, or its client gone. */
	record NotFound() implements Lookup {
	}

	record OutOfTries(Instant retryAt) implements Lookup {
	}

	Lookup find(String typed, Authentication user) {
		if (!this.attempts.reserve(user.getName())) {
			return new OutOfTries(this.attempts.retryAt(user.getName()));
		}
		Optional<Pending> pending = UserCodes.normalize(typed).flatMap(this::pending);
		pending.ifPresent((found) -> this.attempts.giveBack(user.getName()));
		return pending.<Lookup>map(Found::new).orElseGet(NotFound::new);
	}

	void approve(Pending pending, Authentication user) {
		OAuth2Authorization authorization = pending.authorization();
		this.authorizations.save(OAuth2Authorization.from(authorization)
			.principalName(user.getName())
			.authorizedScopes(pending.scopes())
			.attribute(Principal.class.getName(), user)
			.invalidate(authorization.getToken(OAuth2UserCode.class).getToken())
			.build());
		this.audit.recordOfUser(AuditType.DEVICE_APPROVED, user.getName(), details(pending));
	}

	void deny(Pending pending, Authentication user) {
		OAuth2Authorization authorization = pending.authorization();
		this.authorizations.save(OAuth2Authorization.from(authorization)
			.invalidate(authorization.getToken(OAuth2UserCode.class).getToken())
			.invalidate(authorization.getToken(OAuth2DeviceCode.class).getToken())
			.build());
		this.audit.recordOfUser(AuditType.DEVICE_DENIED, user.getName(), details(pending));
	}

	private static Map<String, String> details(Pending pending) {
		return Map.of("client_id", pending.client().getClientId(), "scope", String.join(" ", pending.scopes()));
	}

	private Optional<Pending> pending(String userCode) {
		OAuth2Authorization authorization = this.authorizations.findByToken(userCode, USER_CODE);
		if (authorization == null || !waiting(authorization)) {
			return Optional.empty();
		}
		RegisteredClient client = this.clients.findById(authorization.getRegisteredClientId());
		Set<String> scopes = authorization.getAttribute(OAuth2ParameterNames.SCOPE);
		return Optional.ofNullable(client)
			.map((found) -> new Pending(userCode, found, (scopes != null) ? scopes : Set.of(), authorization));
	}

	private static boolean waiting(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2UserCode> userCode = authorization.getToken(OAuth2UserCode.class);
		OAuth2Authorization.Token<OAuth2DeviceCode> deviceCode = authorization.getToken(OAuth2DeviceCode.class);
		return userCode != null && userCode.isActive() && deviceCode != null && deviceCode.isActive();
	}

}
