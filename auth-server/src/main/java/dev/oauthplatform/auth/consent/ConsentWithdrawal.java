package dev.oauthplatform.auth.consent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.oauthplatform.auth.client.ClientDeleted;
import dev.oauthplatform.auth.token.Authorizations;

/**
 * Withdrawing a consent: it is forgotten and every grant the client holds from the user is revoked,
 * in one transaction, so the client's refresh tokens stop working and its next sign-in asks for
 * consent again. By the user ("connected apps") or an admin alike.
 */
@Component
public class ConsentWithdrawal {

	private final ConsentRepository consents;

	private final Authorizations authorizations;

	ConsentWithdrawal(ConsentRepository consents, Authorizations authorizations) {
		this.consents = consents;
		this.authorizations = authorizations;
	}

	public boolean hasConsent(String userId, String registeredClientId) {
		return this.consents.existsById(new Consent.Key(registeredClientId, userId));
	}

	/** @return whether there was anything to withdraw: a consent or a live grant */
	@Transactional
	public boolean withdraw(String userId, String registeredClientId) {
		Consent.Key key = new Consent.Key(registeredClientId, userId);
		boolean consented = this.consents.existsById(key);
		if (consented) {
			this.consents.deleteById(key);
		}
		return this.authorizations.revokeAllOfUserForClient(userId, registeredClientId) > 0 || consented;
	}

	/** A deleted user's consents go with them (their grants are revoked by the account itself). */
	@Transactional
	public void forgetAllOfUser(String userId) {
		this.consents.deleteByPrincipalName(userId);
	}

	@EventListener
	void forgetAllOfClient(ClientDeleted deleted) {
		this.consents.deleteByRegisteredClientId(deleted.registeredClientId());
	}

}
