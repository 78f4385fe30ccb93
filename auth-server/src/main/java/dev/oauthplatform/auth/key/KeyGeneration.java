package dev.oauthplatform.auth.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/** New key pairs: P-256 for ES256 (access tokens), RSA 2048 for RS256 (id tokens, as OIDC expects). */
final class KeyGeneration {

	private KeyGeneration() {
	}

	static JWK generate(String algorithm) {
		try {
			String kid = UUID.randomUUID().toString().replace("-", "");
			if (JWSAlgorithm.ES256.getName().equals(algorithm)) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
				KeyPair pair = generator.generateKeyPair();
				return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
					.privateKey((ECPrivateKey) pair.getPrivate())
					.keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
					.build();
			}
			if (JWSAlgorithm.RS256.getName().equals(algorithm)) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
					.privateKey((RSAPrivateKey) pair.getPrivate())
					.keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
					.build();
			}
			throw new IllegalArgumentException("Unsupported signing algorithm: " + algorithm);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
