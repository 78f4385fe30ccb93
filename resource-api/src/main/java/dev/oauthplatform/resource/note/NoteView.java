package dev.oauthplatform.resource.note;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A note as the API shows it. */
record NoteView(@JsonProperty("id") UUID id, @JsonProperty("title") String title, @JsonProperty("body") String body,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

	static NoteView of(Note note) {
		return new NoteView(note.getId(), note.getTitle(), note.getBody(), note.getCreatedAt(), note.getUpdatedAt());
	}

}
