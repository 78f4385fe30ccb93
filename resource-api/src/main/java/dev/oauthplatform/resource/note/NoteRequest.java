package dev.oauthplatform.resource.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/notes} and {@code PUT /api/notes/{id}}; a missing body is empty.
 * A title is one line (no control characters); neither may hold NUL, which PostgreSQL refuses.
 */
record NoteRequest(
		@NotBlank @Size(max = TITLE_MAX) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String title,
		@Size(max = BODY_MAX) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String body) {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 10_000;

	String bodyOrEmpty() {
		return (this.body != null) ? this.body : "";
	}

}
