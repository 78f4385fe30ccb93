package dev.oauthplatform.auth.user;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.oauthplatform.auth.persistence.SpaceSeparatedSet;

/** A person who signs in. The id is the token's {@code sub}: assigned once, never reused. */
@Entity
@Table(name = "app_user")
public class AppUser {

	@Id
	private String id;

	private String username;

	/** A slow adaptive hash (bcrypt), never the password. */
	private String passwordHash;

	private String email;

	@Convert(converter = SpaceSeparatedSet.class)
	private Set<String> roles = new LinkedHashSet<>();

	private boolean enabled = true;

	private Instant createdAt;

	/** Bumped to end every browser session of the user ({@link SessionValidity}). */
	private long sessionVersion;

	public String getId() { return this.id; }
	public void setId(String id) { this.id = id; }
	public String getUsername() { return this.username; }
	public void setUsername(String username) { this.username = username; }
	public String getPasswordHash() { return this.passwordHash; }
	public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
	public String getEmail() { return this.email; }
	public void setEmail(String email) { this.email = email; }
	public Set<String> getRoles() { return this.roles; }
	public void setRoles(Set<String> roles) { this.roles = roles; }
	public boolean isEnabled() { return this.enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public Instant getCreatedAt() { return this.createdAt; }
	public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
	public long getSessionVersion() { return this.sessionVersion; }

	/** Every session signed in before this call ends at its next request, on any instance. */
	public void endSessions() {
		this.sessionVersion++;
	}

}
