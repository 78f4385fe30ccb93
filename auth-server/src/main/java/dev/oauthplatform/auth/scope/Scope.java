package dev.oauthplatform.auth.scope;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A scope and what it lets an application do, as a sentence for the user ("Read your notes"). */
@Entity
@Table(name = "oauth_scope")
public class Scope implements Persistable<String> {

	/** The scope token itself, as clients ask for it (RFC 6749 §3.3). */
	@Id
	private String name;

	private String description;

	private Instant createdAt;

	private Instant updatedAt;

	/**
	 * The admin chooses the id, so Spring Data cannot tell a new scope from a stored one: without
	 * this a save merges, and a second admin registering the same scope at once overwrites the first.
	 */
	@Transient
	private boolean stored;

	public String getName() { return this.name; }
	public void setName(String name) { this.name = name; }
	public String getDescription() { return this.description; }
	public void setDescription(String description) { this.description = description; }
	public Instant getCreatedAt() { return this.createdAt; }
	public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
	public Instant getUpdatedAt() { return this.updatedAt; }
	public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

	@Override
	public String getId() {
		return this.name;
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

}
