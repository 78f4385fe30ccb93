package dev.oauthplatform.resource.note;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every lookup names the owner: another user's note is simply not found. */
interface NoteRepository extends JpaRepository<Note, UUID> {

	List<Note> findByOwnerOrderByCreatedAtDescIdDesc(String owner);

	Optional<Note> findByIdAndOwner(UUID id, String owner);

}
