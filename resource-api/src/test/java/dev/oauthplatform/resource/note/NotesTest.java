package dev.oauthplatform.resource.note;

import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.resource.support.ApiTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** A user's notes: CRUD, ownership, scopes, validation. */
class NotesTest extends ApiTest {

	private final String alice = issuer.token().sign();

	@Test
	void createReadUpdateDeleteANote() {
		Response created = bearing(this.alice).contentType("application/json")
			.body(Map.of("title", "Groceries", "body", "milk, eggs"))
			.post("/api/notes");
		created.then()
			.statusCode(201)
			.contentType("application/json")
			.body("id", matchesPattern("[0-9a-f-]{36}"))
			.body("title", equalTo("Groceries"))
			.body("body", equalTo("milk, eggs"))
			.body("created_at", notNullValue())
			.body("updated_at", equalTo(created.path("created_at")));
		String id = created.path("id");
		String location = created.header("Location");
		org.assertj.core.api.Assertions.assertThat(location).endsWith("/api/notes/" + id);

		bearing(this.alice).get(location).then().statusCode(200).body("title", equalTo("Groceries"))
			.body("created_at", equalTo(created.path("created_at")));

		bearing(this.alice).contentType("application/json")
			.body(Map.of("title", "Groceries (Saturday)", "body", "milk, eggs, bread"))
			.put("/api/notes/{id}", id)
			.then()
			.statusCode(200)
			.body("id", equalTo(id))
			.body("title", equalTo("Groceries (Saturday)"))
			.body("body", equalTo("milk, eggs, bread"))
			.body("created_at", equalTo(created.path("created_at")))
			.body("updated_at", not(equalTo(created.path("created_at"))));

		bearing(this.alice).delete("/api/notes/{id}", id).then().statusCode(204);
		bearing(this.alice).get("/api/notes/{id}", id)
			.then()
			.statusCode(404)
			.contentType("application/problem+json");
	}

	@Test
	void listShowsOnlyMyNotesNewestFirst() {
		String bob = issuer.token().sign();
		create(this.alice, "first");
		create(this.alice, "second");
		create(bob, "bob's");
		bearing(this.alice).get("/api/notes").then().statusCode(200).body("title", contains("second", "first"));
		bearing(issuer.token().sign()).get("/api/notes").then().statusCode(200).body("$", empty());
	}

	@Test
	void anotherUsersNoteIsNotFound() {
		String id = create(this.alice, "private");
		String mallory = issuer.token().sign();
		bearing(mallory).get("/api/notes/{id}", id).then().statusCode(404);
		bearing(mallory).contentType("application/json")
			.body(Map.of("title", "mine now"))
			.put("/api/notes/{id}", id)
			.then()
			.statusCode(404);
		bearing(mallory).delete("/api/notes/{id}", id).then().statusCode(404);
		bearing(mallory).get("/api/notes").then().body("id", not(hasItem(id)));
		bearing(this.alice).get("/api/notes/{id}", id).then().statusCode(200).body("title", equalTo("private"));
	}

	@Test
	void theNoteBelongsToTheSubjectNotToTheTokenOrClient() {
		String subject = "user-" + UUID.randomUUID();
		String id = create(issuer.token().subject(subject).clientId("web").sign(), "on the web");
		bearing(issuer.token().subject(subject).clientId("mobile").sign()).get("/api/notes/{id}", id)
			.then()
			.statusCode(200);
	}

	@Test
	void aBodyIsOptional() {
		bearing(this.alice).contentType("application/json")
			.body(Map.of("title", "title only"))
			.post("/api/notes")
			.then()
			.statusCode(201)
			.body("body", equalTo(""));
	}

	@Test
	void writingNeedsNotesWrite() {
		bearing(issuer.token().scope("notes.read").sign()).contentType("application/json")
			.body(Map.of("title", "t"))
			.post("/api/notes")
			.then()
			.statusCode(403)
			.header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
			.header("WWW-Authenticate", containsString("scope=\"notes.write\""))
			.contentType("application/json")
			.body("error", equalTo("insufficient_scope"))
			.body("error_description", containsString("notes.write"));
		String id = create(this.alice, "kept");
		String reader = issuer.token().subject(subjectOf(this.alice)).scope("notes.read").sign();
		bearing(reader).delete("/api/notes/{id}", id).then().statusCode(403);
		bearing(reader).contentType("application/json").body(Map.of("title", "x")).put("/api/notes/{id}", id)
			.then().statusCode(403);
	}

	@Test
	void readingNeedsNotesRead() {
		bearing(issuer.token().scope("notes.write").sign()).get("/api/notes")
			.then()
			.statusCode(403)
			.header("WWW-Authenticate", containsString("scope=\"notes.read\""))
			.body("error", equalTo("insufficient_scope"));
	}

	@Test
	void clientCredentialsTokenHasNoNotes() {
		String machine = issuer.token().clientCredentials("demo-m2m").sign();
		bearing(machine).get("/api/notes")
			.then()
			.statusCode(403)
			.contentType("application/json")
			.body("error", equalTo("access_denied"))
			.body("error_description", containsString("Notes belong to users"));
		bearing(machine).contentType("application/json").body(Map.of("title", "t")).post("/api/notes")
			.then().statusCode(403).body("error", equalTo("access_denied"));
		bearing(machine).contentType("application/json").body("{").post("/api/notes")
			.then().statusCode(403);
	}

	@Test
	void missingOrBlankTitleIsAProblemNamingTheField() {
		invalid(Map.of("body", "no title")).body("errors.field", contains("title"));
		invalid(Map.of("title", "   ")).body("errors.field", contains("title"));
	}

	@Test
	void tooLongTitleOrBodyIsAProblemNamingTheField() {
		invalid(Map.of("title", "t".repeat(201))).body("errors.field", contains("title"));
		invalid(Map.of("title", "ok", "body", "b".repeat(10_001))).body("errors.field", contains("body"));
		bearing(this.alice).contentType("application/json")
			.body(Map.of("title", "t".repeat(200), "body", "b".repeat(10_000)))
			.post("/api/notes")
			.then()
			.statusCode(201);
	}

	@Test
	void controlCharactersInTheTitleAndNulInTheBodyAreProblems() {
		invalid(Map.of("title", "two\nlines")).body("errors.field", contains("title"));
		invalid(Map.of("title", "nul\u0000")).body("errors.field", contains("title"));
		invalid(Map.of("title", "ok", "body", "nul\u0000")).body("errors.field", contains("body"));
		bearing(this.alice).contentType("application/json")
			.body(Map.of("title", "Ünïcødé ✓", "body", "line one\nline two\ttabbed"))
			.post("/api/notes")
			.then()
			.statusCode(201)
			.body("title", equalTo("Ünïcødé ✓"))
			.body("body", equalTo("line one\nline two\ttabbed"));
	}

	@Test
	void updateIsValidatedToo() {
		String id = create(this.alice, "valid");
		bearing(this.alice).contentType("application/json")
			.body(Map.of("title", ""))
			.put("/api/notes/{id}", id)
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("errors.field", contains("title"));
	}

	@Test
	void malformedJsonIsAProblem() {
		bearing(this.alice).contentType("application/json")
			.body("{\"title\": ")
			.post("/api/notes")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("status", equalTo(400))
			.body("detail", notNullValue());
		bearing(this.alice).contentType("application/json")
			.body("[1, 2]")
			.post("/api/notes")
			.then()
			.statusCode(400)
			.contentType("application/problem+json");
	}

	@Test
	void malformedIdIsAProblem() {
		bearing(this.alice).get("/api/notes/not-a-uuid")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("errors.field", contains("id"));
		bearing(this.alice).delete("/api/notes/42").then().statusCode(400).contentType("application/problem+json");
	}

	@Test
	void unknownNoteIsNotFound() {
		bearing(this.alice).get("/api/notes/{id}", UUID.randomUUID())
			.then()
			.statusCode(404)
			.contentType("application/problem+json")
			.body("status", equalTo(404));
	}

	@Test
	void notesNeedAToken() {
		given().get("/api/notes").then().statusCode(401);
		given().contentType("application/json").body(Map.of("title", "t")).post("/api/notes")
			.then().statusCode(401).header("WWW-Authenticate", not(containsString("error=")));
	}

	private io.restassured.response.ValidatableResponse invalid(Map<String, String> note) {
		return bearing(this.alice).contentType("application/json")
			.body(note)
			.post("/api/notes")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("status", equalTo(400))
			.body("title", notNullValue());
	}

	private static String create(String token, String title) {
		return bearing(token).contentType("application/json")
			.body(Map.of("title", title, "body", ""))
			.post("/api/notes")
			.then()
			.statusCode(201)
			.extract()
			.path("id");
	}

	private static String subjectOf(String token) {
		return bearing(token).get("/api/me").then().extract().path("sub");
	}

}
