package dev.oauthplatform.resource.note;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.oauthplatform.resource.web.OAuthErrorWriter;

/**
 * A user's notes. Scopes ({@code notes.read}, {@code notes.write}) are checked before a request
 * gets here; this checks ownership: a note belongs to the token's {@code sub}, and another user's
 * note answers 404, like one that does not exist, so that ids reveal nothing.
 */
@RestController
@RequestMapping("/api/notes")
class NoteController {

	private final NoteRepository notes;

	NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@GetMapping
	List<NoteView> list(NoteOwner owner) {
		return this.notes.findByOwnerOrderByCreatedAtDescIdDesc(owner.subject()).stream().map(NoteView::of).toList();
	}

	@PostMapping
	ResponseEntity<NoteView> create(NoteOwner owner, @Valid @RequestBody NoteRequest request) {
		Note note = this.notes.save(new Note(owner.subject(), request.title(), request.bodyOrEmpty()));
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(note.getId()).toUri();
		return ResponseEntity.created(location).body(NoteView.of(note));
	}

	@GetMapping("/{id}")
	NoteView get(NoteOwner owner, @PathVariable UUID id) {
		return NoteView.of(find(owner, id));
	}

	@PutMapping("/{id}")
	NoteView replace(NoteOwner owner, @PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
		Note note = find(owner, id);
		note.replace(request.title(), request.bodyOrEmpty());
		return NoteView.of(this.notes.save(note));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(NoteOwner owner, @PathVariable UUID id) {
		this.notes.delete(find(owner, id));
		return ResponseEntity.noContent().build();
	}

	private Note find(NoteOwner owner, UUID id) {
		return this.notes.findByIdAndOwner(id, owner.subject())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No note " + id));
	}

	/**
	 * A client_credentials token (no user: {@code sub == client_id}) has no notes: 403 with error
	 * {@code access_denied} (RFC 6749's code for a refused request; not {@code insufficient_scope},
	 * since no scope would help) and a description saying why. No {@code WWW-Authenticate}
	 * challenge: another token from the same grant would not do either.
	 */
	@ExceptionHandler(NoteOwner.NotesBelongToUsersException.class)
	void notesBelongToUsers(HttpServletResponse response) throws IOException {
		OAuthErrorWriter.write(response, HttpStatus.FORBIDDEN, OAuth2ErrorCodes.ACCESS_DENIED,
				"Notes belong to users: this token was issued to a client without a user (client_credentials)");
	}

}
