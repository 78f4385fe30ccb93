package dev.oauthplatform.auth.key;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

	List<SigningKey> findByStateNot(SigningKey.State state);

	boolean existsByAlgorithmAndState(String algorithm, SigningKey.State state);

}
