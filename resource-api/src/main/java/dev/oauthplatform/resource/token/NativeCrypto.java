package dev.oauthplatform.resource.token;

import java.security.Security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Puts Amazon Corretto Crypto Provider (AWS-LC, native) first among JCA providers where it loads,
 * as auth-server does: verifying an ES256 signature is several times cheaper than with SunEC.
 * Elsewhere (another OS or CPU) or with {@code RESOURCE_NATIVE_CRYPTO=false} the JDK's own
 * providers stay in charge. Nimbus verifies through the default JCA provider, so nothing else changes.
 */
final class NativeCrypto {

	private static volatile String inUse;

	private NativeCrypto() {
	}

	/** Idempotent; returns a description of the provider that verifies. */
	static synchronized String installIfAvailable() {
		if (inUse == null) {
			inUse = install();
		}
		return inUse;
	}

	private static String install() {
		if ("false".equalsIgnoreCase(System.getenv("RESOURCE_NATIVE_CRYPTO"))) {
			return fallback("RESOURCE_NATIVE_CRYPTO=false");
		}
		try {
			AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
			if (provider.getLoadingError() != null) {
				return fallback(provider.getLoadingError().toString());
			}
			AmazonCorrettoCryptoProvider.install();
			provider.assertHealthy();
			return provider.getName() + " " + provider.getVersionStr() + " (native)";
		}
		catch (Throwable ex) {
			return fallback(ex.toString());
		}
	}

	private static String fallback(String reason) {
		return Security.getProviders()[0].getName() + " (pure Java; native provider not used: " + reason + ")";
	}

}
