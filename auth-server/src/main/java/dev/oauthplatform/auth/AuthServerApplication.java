package dev.oauthplatform.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.oauthplatform.auth.key.NativeCrypto;

@SpringBootApplication
public class AuthServerApplication {

	public static void main(String[] args) {
		// before anything creates a Signature, so every one of them is native where that loads
		NativeCrypto.installIfAvailable();
		SpringApplication.run(AuthServerApplication.class, args);
	}

}
