package dev.oauthplatform.auth.token;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A revoked stateless access token, denied until it would have expired anyway. */
@Entity
@Table(name = "revoked_jti")
class RevokedJti {

	@Id
	String jti;

	Instant expiresAt;

	RevokedJti() {
	}

	RevokedJti(String jti, Instant expiresAt) {
		this.jti = jti;
		this.expiresAt = expiresAt;
	}

}
