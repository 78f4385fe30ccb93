package dev.oauthplatform.auth.consent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

public interface ConsentRepository extends JpaRepository<Consent, Consent.Key> {

	List<Consent> findByPrincipalName(String principalName);

	@Transactional
	long deleteByRegisteredClientId(String registeredClientId);

	@Transactional
	long deleteByPrincipalName(String principalName);

}
