package dev.oauthplatform.auth.consent;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.audit.AuditLog;
import dev.oauthplatform.auth.audit.AuditType;
import dev.oauthplatform.auth.client.OAuthClient;
import dev.oauthplatform.auth.client.OAuthClientRepository;

/** The framework's consent store, on our table. */
@Service
@Transactional
public class JpaAuthorizationConsentService implements OAuth2AuthorizationConsentService {

	private final ConsentRepository consents;

	private final OAuthClientRepository clients;

	private final AuditLog audit;

	public JpaAuthorizationConsentService(ConsentRepository consents, OAuthClientRepository clients, AuditLog audit) {
		this.consents = consents;
		this.clients = clients;
		this.audit = audit;
	}

	@Override
	public void save(OAuth2AuthorizationConsent authorizationConsent) {
		Consent consent = new Consent();
		consent.setRegisteredClientId(authorizationConsent.getRegisteredClientId());
		consent.setPrincipalName(authorizationConsent.getPrincipalName());
		Set<String> authorities = new LinkedHashSet<>();
		authorizationConsent.getAuthorities().forEach((authority) -> authorities.add(authority.getAuthority()));
		consent.setAuthorities(authorities);
		consent.setGrantedAt(Instant.now());
		this.consents.save(consent);
		// the framework saves a consent only when the user allowed it on the consent page
		this.audit.recordOfUser(AuditType.CONSENT_GRANTED, consent.getPrincipalName(),
				Map.of("client_id", this.clients.findById(consent.getRegisteredClientId())
					.map(OAuthClient::getClientId)
					.orElse(consent.getRegisteredClientId()), "scope", String.join(" ", consent.getScopes())));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent authorizationConsent) {
		this.consents.deleteById(
				new Consent.Key(authorizationConsent.getRegisteredClientId(), authorizationConsent.getPrincipalName()));
	}

	@Override
	@Transactional(readOnly = true)
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return this.consents.findById(new Consent.Key(registeredClientId, principalName))
			.map((consent) -> {
				OAuth2AuthorizationConsent.Builder builder = OAuth2AuthorizationConsent
					.withId(consent.getRegisteredClientId(), consent.getPrincipalName());
				consent.getAuthorities()
					.forEach((authority) -> builder.authority((GrantedAuthority) new SimpleGrantedAuthority(authority)));
				return builder.build();
			})
			.orElse(null);
	}

}
