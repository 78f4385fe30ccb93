package dev.oauthplatform.auth.consent;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRepository extends JpaRepository<Consent, Consent.Key> {

}
