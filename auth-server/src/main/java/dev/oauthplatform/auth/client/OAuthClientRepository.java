package dev.oauthplatform.auth.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface OAuthClientRepository extends JpaRepository<OAuthClient, String> {

	Optional<OAuthClient> findByClientId(String clientId);

	boolean existsByClientId(String clientId);

	List<OAuthClient> findByEnabledTrue();

	@Query("select c from OAuthClient c where lower(c.clientName) like lower(concat('%', :text, '%')) "
			+ "or lower(c.clientId) like lower(concat('%', :text, '%'))")
	Page<OAuthClient> search(String text, Pageable pageable);

	@Transactional
	@Modifying
	@Query("update OAuthClient c set c.secretLastUsedAt = :at where c.id = :id")
	void recordSecretUse(String id, Instant at);

	@Transactional
	@Modifying
	@Query("update OAuthClient c set c.previousSecretLastUsedAt = :at where c.id = :id")
	void recordPreviousSecretUse(String id, Instant at);

}
