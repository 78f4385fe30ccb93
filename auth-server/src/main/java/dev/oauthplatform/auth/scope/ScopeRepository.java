package dev.oauthplatform.auth.scope;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface ScopeRepository extends JpaRepository<Scope, String> {

	/** One statement, so that "was it there?" and the delete cannot race: 1 if deleted, 0 if absent. */
	@Transactional
	@Modifying
	@Query("delete from Scope s where s.name = :name")
	int deleteByNameIfPresent(String name);

}
