package dev.oauthplatform.auth.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.Concurrently;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.Jwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Users through the admin API: what an admin does, and what the user then can or cannot do. */
class UserAdminTest extends HttpTest {

	private static final String GOOD_PASSWORD = "plum-orbit-lantern-42";

	@Test
	void aCreatedUserSignsInAndTheirIdIsTheTokenSubject() {
		String username = "alice-" + UUID.randomUUID();
		JsonPath created = createUser(Map.of("username", username, "password", GOOD_PASSWORD, "email",
				"alice@example.com"));
		assertThat(created.getList("roles")).containsExactly("USER");
		assertThat(created.getBoolean("enabled")).isTrue();

		String token = passwordGrant(cli(), username, GOOD_PASSWORD).then().statusCode(200).extract()
			.path("access_token");
		assertThat(Jwts.claims(token)).containsEntry("sub", created.getString("id"));
	}

	static Stream<Arguments> refusedUsers() {
		return Stream.of(arguments("short password", "bob", "short-pass1", "invalid_password", "at least 12"),
				arguments("common password", "bob", "password1234", "invalid_password", "too common"),
				arguments("famous passphrase", "bob", "Correct Horse Battery Staple", "invalid_password", "too common"),
				arguments("password is the username", "bob-the-builder", "BOB-THE-BUILDER", "invalid_password",
						"too common or is the username"),
				arguments("beyond bcrypt's 72 bytes", "bob", "x".repeat(73), "invalid_password", "at most 72 bytes"),
				arguments("no password", "bob", null, "invalid_password", "at least 12"),
				arguments("space in the username", "bob smith", GOOD_PASSWORD, "invalid_request", "username must be"),
				arguments("no username", null, GOOD_PASSWORD, "invalid_request", "username must be"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedUsers")
	void aUserBreakingThePoliciesIsRefused(String rule, String username, String password, String error,
			String description) {
		// refused before anything is stored, so fixed names never collide
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("password", password);
		admin().body(Json.of(body))
			.post("/admin/api/users")
			.then()
			.statusCode(400)
			.body("error", equalTo(error))
			.body("error_description", containsString(description));
	}

	@Test
	void badEmailsAndRolesAreRefused() {
		admin().body(Json.of(Map.of("username", "u-" + UUID.randomUUID(), "password", GOOD_PASSWORD, "email",
				"not-an-email")))
			.post("/admin/api/users")
			.then()
			.statusCode(400)
			.body("error_description", containsString("is not an email address"));
		admin().body(Json.of(Map.of("username", "u-" + UUID.randomUUID(), "password", GOOD_PASSWORD, "roles",
				List.of("super user"))))
			.post("/admin/api/users")
			.then()
			.statusCode(400)
			.body("error_description", containsString("role 'super user'"));
	}

	@Test
	void rolesThatCouldNeverSignInOrNotBeStoredAreRefused() {
		List<String> nine = java.util.stream.IntStream.range(0, 9).mapToObj((i) -> "R" + i + "_".repeat(48)).toList();
		refusedUser(Map.of("roles", nine), "at most 8 roles");
		refusedUser(Map.of("roles", List.of("ROLE_ADMIN")), "without the ROLE_ prefix");

		List<String> eight = nine.subList(0, 8);
		String id = createUser(Map.of("username", "roles-" + UUID.randomUUID(), "password", GOOD_PASSWORD, "roles",
				eight)).getString("id");
		admin().get("/admin/api/users/{id}", id).then().statusCode(200).body("roles", equalTo(eight));
	}

	@Test
	void anEmailLongerThan320CharactersIsRefusedWhateverItsAlphabet() {
		// 320 code points but 639 UTF-16 chars: the pattern alone let it through to the database
		String email = "\uD83D\uDE00".repeat(64) + "@" + "\uD83D\uDE00".repeat(255);
		refusedUser(Map.of("email", email), "at most 320 characters");
	}

	@Test
	void anEmailWithAControlCharacterIsRefused() {
		refusedUser(Map.of("email", "bob\u0000@example.com"), "is not an email address");
	}

	private static void refusedUser(Map<String, Object> fields, String description) {
		Map<String, Object> body = new java.util.HashMap<>(fields);
		body.put("username", "u-" + UUID.randomUUID());
		body.put("password", GOOD_PASSWORD);
		admin().body(Json.of(body))
			.post("/admin/api/users")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"))
			.body("error_description", containsString(description));
	}

	@Test
	void aTakenUsernameIs409WhateverItsCase() {
		String username = "carol-" + UUID.randomUUID();
		createUser(Map.of("username", username, "password", GOOD_PASSWORD));
		admin().body(Json.of(Map.of("username", username.toUpperCase(), "password", GOOD_PASSWORD)))
			.post("/admin/api/users")
			.then()
			.statusCode(409)
			.body("error", equalTo("username_taken"));
	}

	@Test
	void racingCreatesOfOneUsernameMakeOneUserAndConflictsNeverAFailure() {
		for (int round = 0; round < 3; round++) {
			String username = "race-" + UUID.randomUUID();
			List<Integer> statuses = Concurrently.run(6, () -> admin()
				.body(Json.of(Map.of("username", username, "password", GOOD_PASSWORD)))
				.post("/admin/api/users")
				.statusCode());
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
	}

	@Test
	void listingFiltersAndPages() {
		String tag = "dave-" + UUID.randomUUID();
		createUser(Map.of("username", tag + "-1", "password", GOOD_PASSWORD));
		createUser(Map.of("username", tag + "-2", "password", GOOD_PASSWORD, "email", tag + "@example.com"));
		admin().get("/admin/api/users?q={q}&size=1", tag)
			.then()
			.statusCode(200)
			.body("total", equalTo(2))
			.body("items.size()", equalTo(1))
			.body("items[0].username", equalTo(tag + "-1"));
	}

	@Test
	void anUpdateChangesOnlyWhatItNames() {
		String id = createUser(Map.of("username", "erin-" + UUID.randomUUID(), "password", GOOD_PASSWORD, "email",
				"erin@example.com")).getString("id");
		admin().body(Json.of(Map.of("roles", List.of("user", "auditor"))))
			.patch("/admin/api/users/{id}", id)
			.then()
			.statusCode(200)
			.body("roles", equalTo(List.of("USER", "AUDITOR")))
			.body("email", equalTo("erin@example.com"))
			.body("enabled", equalTo(true));
	}

	@Test
	void disablingAUserStopsTheirRefreshTokensAndSignIn() {
		String username = "frank-" + UUID.randomUUID();
		String id = createUser(Map.of("username", username, "password", GOOD_PASSWORD)).getString("id");
		String refreshToken = passwordGrant(cli(), username, GOOD_PASSWORD).then().extract().path("refresh_token");

		admin().body("{\"enabled\": false}").patch("/admin/api/users/{id}", id).then().body("enabled", equalTo(false));

		refresh(cli(), refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
		passwordGrant(cli(), username, GOOD_PASSWORD).then().statusCode(400).body("error", equalTo("invalid_grant"));
		admin().body("{\"enabled\": true}").patch("/admin/api/users/{id}", id).then().statusCode(200);
		passwordGrant(cli(), username, GOOD_PASSWORD).then().statusCode(200);
	}

	@Test
	void aPasswordResetReplacesThePasswordAndSignsTheUserOut() {
		String username = "grace-" + UUID.randomUUID();
		String id = createUser(Map.of("username", username, "password", GOOD_PASSWORD)).getString("id");
		String refreshToken = passwordGrant(cli(), username, GOOD_PASSWORD).then().extract().path("refresh_token");

		admin().body(Json.of(Map.of("password", "x"))).post("/admin/api/users/{id}/password", id)
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_password"));
		admin().body(Json.of(Map.of("password", "violet-harbor-engine-7")))
			.post("/admin/api/users/{id}/password", id)
			.then()
			.statusCode(204);

		refresh(cli(), refreshToken).then().statusCode(400);
		passwordGrant(cli(), username, GOOD_PASSWORD).then().statusCode(400);
		passwordGrant(cli(), username, "violet-harbor-engine-7").then().statusCode(200);
	}

	@Test
	void aPasswordResetLiftsTheFailedSignInBlock() {
		String username = "ivan-" + UUID.randomUUID();
		String id = createUser(Map.of("username", username, "password", GOOD_PASSWORD)).getString("id");
		String address = randomAddress();
		for (int i = 0; i < 6; i++) {
			passwordGrantFrom(address, username, "a-wrong-guess-" + i);
		}
		passwordGrantFrom(address, username, GOOD_PASSWORD).then()
			.statusCode(400)
			.body("error_description", containsString("Too many failed sign-in attempts"));

		admin().body(Json.of(Map.of("password", "violet-harbor-engine-7")))
			.post("/admin/api/users/{id}/password", id)
			.then()
			.statusCode(204);

		passwordGrantFrom(randomAddress(), username, "violet-harbor-engine-7").then().statusCode(200);
	}

	@Test
	void deletingAUserRevokesTheirTokensAndFreesTheUsernameButNotTheId() {
		String username = "heidi-" + UUID.randomUUID();
		String id = createUser(Map.of("username", username, "password", GOOD_PASSWORD)).getString("id");
		String refreshToken = passwordGrant(cli(), username, GOOD_PASSWORD).then().extract().path("refresh_token");

		admin().delete("/admin/api/users/{id}", id).then().statusCode(204);

		admin().get("/admin/api/users/{id}", id).then().statusCode(404).body("error", equalTo("not_found"));
		refresh(cli(), refreshToken).then().statusCode(400);
		String newId = createUser(Map.of("username", username, "password", GOOD_PASSWORD)).getString("id");
		assertThat(newId).isNotEqualTo(id);
	}

	@Test
	void theLastAdminCannotBeDisabledDemotedOrDeleted() {
		String adminId = null;
		List<Map<String, Object>> users = admin().get("/admin/api/users?size=200").then().extract().path("items");
		for (Map<String, Object> user : users) {
			boolean isAdmin = ((List<?>) user.get("roles")).contains("ADMIN");
			if (ADMIN_USERNAME.equals(user.get("username"))) {
				adminId = (String) user.get("id");
			}
			else if (isAdmin && Boolean.TRUE.equals(user.get("enabled"))) {
				admin().body("{\"enabled\": false}").patch("/admin/api/users/{id}", user.get("id"));
			}
		}
		for (String change : List.of("{\"enabled\": false}", "{\"roles\": [\"USER\"]}")) {
			admin().body(change)
				.patch("/admin/api/users/{id}", adminId)
				.then()
				.statusCode(400)
				.body("error_description", containsString("last enabled ADMIN"));
		}
		admin().delete("/admin/api/users/{id}", adminId).then().statusCode(400);
	}

	@Test
	void anUnknownUserIsA404() {
		admin().get("/admin/api/users/{id}", UUID.randomUUID()).then().statusCode(404);
		admin().body("{}").patch("/admin/api/users/{id}", UUID.randomUUID()).then().statusCode(404);
		admin().body(Json.of(Map.of("password", GOOD_PASSWORD)))
			.post("/admin/api/users/{id}/password", UUID.randomUUID())
			.then()
			.statusCode(404);
		admin().delete("/admin/api/users/{id}", UUID.randomUUID()).then().statusCode(404);
	}

	private static io.restassured.response.Response passwordGrantFrom(String address, String username,
			String password) {
		return from(address)
			.formParam("client_id", "admin-cli")
			.formParam("grant_type", "password")
			.formParam("username", username)
			.formParam("password", password)
			.post("/oauth2/token");
	}

	private RegisteredCredentials cli() {
		return new RegisteredCredentials("admin-cli", null);
	}

	private static JsonPath createUser(Map<String, Object> body) {
		return admin().body(Json.of(body))
			.post("/admin/api/users")
			.then()
			.statusCode(201)
			.extract()
			.jsonPath();
	}

}
