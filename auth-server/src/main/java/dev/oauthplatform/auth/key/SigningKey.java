package dev.oauthplatform.auth.key;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A signing key pair, stored in the database so that every instance signs with the same key and
 * a restart keeps issued tokens valid. The private part is encrypted where a key encryption
 * secret is configured.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

	/**
	 * Staged rotation: published before it signs (so that resource servers know it first),
	 * published after it stopped signing until its last token expired, then retired.
	 */
	public enum State {

		/** In the JWKS, not signing yet: waits for {@code activateAt}. */
		PUBLISHED,
		/** Signs new tokens; one per algorithm. */
		SIGNING,
		/** Stopped signing; stays in the JWKS until {@code retireAt}, when its last token has expired. */
		VERIFY_ONLY,
		/** Out of the JWKS: tokens it signed no longer verify. */
		RETIRED

	}

	@Id
	private String kid;

	private String algorithm;

	@Enumerated(EnumType.STRING)
	private State state;

	@Column(columnDefinition = "text")
	private String jwk;

	private boolean encrypted;

	private Instant createdAt;

	/** When a PUBLISHED key is due to sign. */
	private Instant activateAt;

	private Instant activatedAt;

	/** When a VERIFY_ONLY key is due to leave the JWKS. */
	private Instant retireAt;

	private Instant retiredAt;

	public String getKid() { return this.kid; }
	public void setKid(String kid) { this.kid = kid; }
	public String getAlgorithm() { return this.algorithm; }
	public void setAlgorithm(String algorithm) { this.algorithm = algorithm; }
	public State getState() { return this.state; }
	public void setState(State state) { this.state = state; }
	public String getJwk() { return this.jwk; }
	public void setJwk(String jwk) { this.jwk = jwk; }
	public boolean isEncrypted() { return this.encrypted; }
	public void setEncrypted(boolean encrypted) { this.encrypted = encrypted; }
	public Instant getCreatedAt() { return this.createdAt; }
	public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
	public Instant getActivateAt() { return this.activateAt; }
	public void setActivateAt(Instant activateAt) { this.activateAt = activateAt; }
	public Instant getActivatedAt() { return this.activatedAt; }
	public void setActivatedAt(Instant activatedAt) { this.activatedAt = activatedAt; }
	public Instant getRetireAt() { return this.retireAt; }
	public void setRetireAt(Instant retireAt) { this.retireAt = retireAt; }
	public Instant getRetiredAt() { return this.retiredAt; }
	public void setRetiredAt(Instant retiredAt) { this.retiredAt = retiredAt; }

}
