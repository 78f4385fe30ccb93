package dev.oauthplatform.auth.user;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

	/**
	 * One statement needs no transaction of its own: outside one, the read is sent alone
	 * (autocommit) instead of with a BEGIN and a COMMIT round trip, which every token a user's
	 * grant issues paid (TokenSubjects). Inside a caller's transaction, it joins it.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Optional<AppUser> findById(String id);

	Optional<AppUser> findByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByUsernameIgnoreCase(String username);

	/** Native: {@code roles} is a converted column, which JPQL would not compare with a pattern. */
	@Query(value = "select * from app_user where enabled = true and roles like :pattern", nativeQuery = true)
	List<AppUser> findEnabledWithRoleLike(String pattern);

	@Query("select u from AppUser u where lower(u.username) like lower(concat('%', :text, '%')) "
			+ "or lower(u.email) like lower(concat('%', :text, '%'))")
	Page<AppUser> search(String text, Pageable pageable);

}
