package dev.oauthplatform.resource.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/notes} and {@code PUT /api/notes/{id}}; a missing body is empty. */
record NoteRequest(@NotBlank @Size(max = TITLE_MAX) String title, @Size(max = BODY_MAX) String body) {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 10_000;

	String bodyOrEmpty() {
		return (this.body != null) ? this.body : "";
	}

}
