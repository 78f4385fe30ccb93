package dev.oauthplatform.auth.key;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.oauthplatform.auth.key.SigningKey.State;

/**
 * Every change of state is one conditional update, so that instances sharing the database can
 * run the same step at once: the first one changes the row, the others change nothing.
 */
public interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

	List<SigningKey> findByStateNot(State state);

	boolean existsByAlgorithmAndState(String algorithm, State state);

	List<SigningKey> findAllByOrderByAlgorithmAscCreatedAtDesc();

	List<SigningKey> findByStateAndActivateAtLessThanEqualOrderByActivateAtAsc(State state, Instant now);

	/** @return 1 if this call promoted the key, 0 if it was no longer waiting */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SigningKey k set k.state = :to, k.activatedAt = :now where k.kid = :kid and k.state = :from")
	int activate(@Param("kid") String kid, @Param("now") Instant now, @Param("from") State from, @Param("to") State to);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SigningKey k set k.state = :to, k.retireAt = :retireAt"
			+ " where k.algorithm = :algorithm and k.state = :from and k.kid <> :successor")
	int stopSigning(@Param("algorithm") String algorithm, @Param("successor") String successor,
			@Param("retireAt") Instant retireAt, @Param("from") State from, @Param("to") State to);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SigningKey k set k.state = :retired, k.retiredAt = :now"
			+ " where k.state = :from and k.retireAt <= :now")
	int retireDue(@Param("now") Instant now, @Param("from") State from, @Param("retired") State retired);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SigningKey k set k.state = :retired, k.retiredAt = :now"
			+ " where k.algorithm = :algorithm and k.state <> :retired and k.kid <> :successor")
	int retireAllOthers(@Param("algorithm") String algorithm, @Param("successor") String successor,
			@Param("now") Instant now, @Param("retired") State retired);

	/** Only the stored form changes: state updates by other instances in between are kept. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update SigningKey k set k.jwk = :jwk, k.encrypted = true where k.kid = :kid")
	int replaceJwk(@Param("kid") String kid, @Param("jwk") String jwk);

	default boolean activate(String kid, Instant now) {
		return activate(kid, now, State.PUBLISHED, State.SIGNING) == 1;
	}

	default int stopSigning(String algorithm, String successor, Instant retireAt) {
		return stopSigning(algorithm, successor, retireAt, State.SIGNING, State.VERIFY_ONLY);
	}

	default int retireDue(Instant now) {
		return retireDue(now, State.VERIFY_ONLY, State.RETIRED);
	}

	default int retireAllOthers(String algorithm, String successor, Instant now) {
		return retireAllOthers(algorithm, successor, now, State.RETIRED);
	}

}
