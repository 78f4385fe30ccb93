package dev.oauthplatform.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/** A command-line tool on the password grant (seed 002's kind of client) keeping a user's notes. */
class CliJourneyTest extends PlatformTest {

	@Test
	void aCliSignsInWithThePasswordGrantAndKeepsTheUsersNotes() {
		String clientId = admin.register(Map.of("client_name", "Notes CLI", "client_type", "cli", "scope",
				"notes.read notes.write")).getString("client_id");
		String username = admin.createUser(PASSWORD);
		String token = passwordGrant(clientId, username, PASSWORD).post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");

		String location = resourceApi(token).contentType("application/json")
			.body("{\"title\": \"Groceries\", \"body\": \"milk\"}")
			.post("/api/notes")
			.then()
			.statusCode(201)
			.extract()
			.header("Location");
		resourceApi(token).contentType("application/json")
			.body("{\"title\": \"Groceries\", \"body\": \"milk, eggs\"}")
			.put(location)
			.then()
			.statusCode(200);
		resourceApi(token).get(location).then().statusCode(200).body("body", equalTo("milk, eggs"));
		resourceApi(token).delete(location).then().statusCode(204);
		resourceApi(token).get(location).then().statusCode(404);
	}

	@Test
	void anotherUsersNotesAreNowhereToBeSeen() {
		String clientId = admin.register(Map.of("client_name", "Notes CLI", "client_type", "cli", "scope",
				"notes.read notes.write")).getString("client_id");
		String alice = token(clientId, admin.createUser(PASSWORD));
		String bob = token(clientId, admin.createUser(PASSWORD));
		String location = resourceApi(alice).contentType("application/json")
			.body("{\"title\": \"Diary\", \"body\": \"private\"}")
			.post("/api/notes")
			.then()
			.extract()
			.header("Location");

		resourceApi(bob).get(location).then().statusCode(404);
		resourceApi(bob).get("/api/notes").then().statusCode(200).body("size()", equalTo(0));
	}

	@Test
	void aWrongPasswordGetsNoToken() {
		passwordGrant("admin-cli", admin.createUser(PASSWORD), "not-the-password-at-all").post("/oauth2/token")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
	}

	private static String token(String clientId, String username) {
		return passwordGrant(clientId, username, PASSWORD).post("/oauth2/token").then().extract().path("access_token");
	}

}
