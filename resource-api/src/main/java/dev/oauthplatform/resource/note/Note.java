package dev.oauthplatform.resource.note;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A note, owned by one user (the {@code sub} of the token that created it). */
@Entity
@Table(name = "note")
class Note {

	@Id
	private UUID id;

	@Column(name = "owner_sub", nullable = false, updatable = false)
	private String owner;

	@Column(nullable = false, length = NoteRequest.TITLE_MAX)
	private String title;

	@Column(nullable = false, length = NoteRequest.BODY_MAX)
	private String body;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** Optimistic locking between concurrent updates; null until first saved. */
	@Version
	private Integer version;

	protected Note() {
	}

	Note(String owner, String title, String body) {
		this.id = UUID.randomUUID();
		this.owner = owner;
		this.title = title;
		this.body = body;
		// microseconds: what PostgreSQL keeps, so the answer to a write equals a later read
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
	}

	void replace(String title, String body) {
		this.title = title;
		this.body = body;
		this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	UUID getId() {
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	String getBody() {
		return this.body;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
