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

	/** Staged rotation: published before it signs, retired after its last token expired. */
	public enum State {

		PUBLISHED, SIGNING, RETIRED

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

	private Instant activatedAt;

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
	public Instant getActivatedAt() { return this.activatedAt; }
	public void setActivatedAt(Instant activatedAt) { this.activatedAt = activatedAt; }
	public Instant getRetiredAt() { return this.retiredAt; }
	public void setRetiredAt(Instant retiredAt) { this.retiredAt = retiredAt; }

}
