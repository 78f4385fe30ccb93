package dev.oauthplatform.auth.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.Concurrently;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;
import dev.oauthplatform.auth.support.Jwts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The scope registry through the admin API: the sentence the consent page shows for each scope. */
class ScopeAdminTest extends HttpTest {

	@Test
	void thePlatformsScopesAreRegisteredFromTheStart() {
		Map<String, String> listed = listed();
		assertThat(listed).containsEntry("openid", "Confirm who you are (your user id)")
			.containsEntry("notes.read", "Read your notes")
			.containsEntry("notes.write", "Create, change and delete your notes")
			.containsKeys("profile", "email", "offline_access", "admin");
	}

	@Test
	void aRegisteredScopeIsListedWithItsDescription() {
		String name = uniqueName("billing.read");
		put(name, "  See your invoices  ").then()
			.statusCode(201)
			.header("Location", "/admin/api/scopes/" + name)
			.body("name", equalTo(name))
			.body("description", equalTo("See your invoices"));

		assertThat(listed()).containsEntry(name, "See your invoices");
		admin().get("/admin/api/scopes/{name}", name)
			.then()
			.statusCode(200)
			.body("description", equalTo("See your invoices"));
	}

	@Test
	void theListIsSortedByNameInAsciiOrder() {
		String tag = uniqueName("sorted");
		for (String suffix : List.of(".b", ".B", "-z", ".a")) {
			put(tag + suffix, "Sorting " + suffix).then().statusCode(201);
		}
		List<String> names = listed().keySet().stream().filter((name) -> name.startsWith(tag)).toList();
		// '-' before '.', and upper case before lower case, whatever the database's collation
		assertThat(names).containsExactly(tag + "-z", tag + ".B", tag + ".a", tag + ".b");
	}

	@Test
	void replacingADescriptionKeepsOneRow() {
		String name = uniqueName("invoices.read");
		JsonPath created = put(name, "Read your invoices").then().statusCode(201).extract().jsonPath();

		JsonPath replaced = put(name, "See your invoices and receipts").then().statusCode(200).extract().jsonPath();

		assertThat(replaced.getString("description")).isEqualTo("See your invoices and receipts");
		assertThat(replaced.getString("created_at")).isEqualTo(created.getString("created_at"));
		assertThat(Instant.parse(replaced.getString("updated_at")))
			.isAfterOrEqualTo(Instant.parse(created.getString("updated_at")));
		List<String> names = admin().get("/admin/api/scopes").then().extract().jsonPath().getList("name");
		assertThat(names).containsOnlyOnce(name);
		assertThat(listed()).containsEntry(name, "See your invoices and receipts");
	}

	@Test
	void racingPutsOfANewScopeAllSucceedAndOneCreatesIt() {
		for (int round = 0; round < 5; round++) {
			String name = uniqueName("race");
			List<Integer> statuses = Concurrently.run(6, () -> put(name, "Race " + name).statusCode());
			// PUT is idempotent: the losers of the insert find the winner's row and replace it
			assertThat(statuses).containsOnly(200, 201);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
	}

	@Test
	void aNameWithUrlCharactersIsRegisteredUnderItsOwnEncodedLocation() {
		String name = "urn:example:" + UUID.randomUUID() + "?read#all";
		put(name, "Read everything").then()
			.statusCode(201)
			.header("Location", "/admin/api/scopes/" + name.replace("?", "%3F").replace("#", "%23"));
		admin().get("/admin/api/scopes/{name}", name).then().statusCode(200).body("name", equalTo(name));
	}

	@Test
	void aUrlShapedScopeIsManagedThroughTheNameQuery() {
		String name = "https://api.example.test/" + UUID.randomUUID() + "/read";
		String location = admin().body(description("Read your files")).queryParam("name", name)
			.put("/admin/api/scopes")
			.then()
			.statusCode(201)
			.body("name", equalTo(name))
			.extract()
			.header("Location");
		assertThat(location).isEqualTo("/admin/api/scopes?name=" + name.replace(":", "%3A").replace("/", "%2F"));

		admin().urlEncodingEnabled(false).get(location).then().statusCode(200).body("name", equalTo(name));
		assertThat(listed()).containsEntry(name, "Read your files");
		admin().body(description("Read and list your files")).queryParam("name", name)
			.put("/admin/api/scopes")
			.then()
			.statusCode(200)
			.body("description", equalTo("Read and list your files"));
		admin().queryParam("name", name).delete("/admin/api/scopes").then().statusCode(204);
		admin().queryParam("name", name).get("/admin/api/scopes").then().statusCode(404)
			.body("error", equalTo("not_found"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "read%all", "read;all", "..", "." })
	void aNameThePathCannotCarryGetsAQueryLocation(String prefix) {
		String name = prefix.startsWith(".") ? prefix : prefix + "-" + UUID.randomUUID();
		admin().queryParam("name", name).delete("/admin/api/scopes"); // "." and ".." are shared by every run
		String location = admin().body(description("Odd but allowed")).queryParam("name", name)
			.put("/admin/api/scopes")
			.then()
			.statusCode(201)
			.extract()
			.header("Location");

		assertThat(location).startsWith("/admin/api/scopes?name=");
		admin().urlEncodingEnabled(false).get(location).then().statusCode(200).body("name", equalTo(name));
		admin().queryParam("name", name).delete("/admin/api/scopes").then().statusCode(204);
	}

	@Test
	void theQueryFormChecksTheNameAsThePathFormDoes() {
		admin().body(description("Spaces")).queryParam("name", "notes read")
			.put("/admin/api/scopes")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"))
			.body("error_description", containsString("RFC 6749 scope token"));
		admin().body(description("Two names")).queryParam("name", "a-" + UUID.randomUUID(), "b")
			.put("/admin/api/scopes")
			.then()
			.statusCode(400)
			.body("error_description", equalTo("Give one name: ?name= appears 2 times"));
		admin().body(description("No name")).put("/admin/api/scopes").then().statusCode(400)
			.body("error", equalTo("invalid_request"))
			.body("error_description", equalTo("Missing query parameter: name"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "notes read", "notes\"read", "notes.réad", "\u0001notes" })
	void aScopeNameOutsideRfc6749IsRefused(String name) {
		put(name, "Read your notes").then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"))
			.body("error_description", containsString("RFC 6749 scope token"));
		admin().get("/admin/api/scopes/{name}", name).then().statusCode(404);
	}

	@Test
	void aScopeNameOf100CharactersIsTheLongestAsForAClient() {
		String longest = uniqueName("x").concat("y".repeat(100)).substring(0, 100);
		put(longest, "Long").then().statusCode(201);
		put(longest + "y", "Too long").then().statusCode(400).body("error", equalTo("invalid_request"));
	}

	@Test
	void anEmptyDescriptionIsRefused() {
		String name = uniqueName("empty");
		for (String body : List.of("{\"description\": \"\"}", "{\"description\": \"   \"}", "{}")) {
			admin().body(body)
				.put("/admin/api/scopes/{name}", name)
				.then()
				.statusCode(400)
				.body("error", equalTo("invalid_request"))
				.body("error_description", containsString("description is required"));
		}
		admin().get("/admin/api/scopes/{name}", name).then().statusCode(404);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Read your\nnotes", "Read your\tnotes", "Read\u0000 your notes", "\u0085Read" })
	void aDescriptionWithControlCharactersIsRefused(String description) {
		put(uniqueName("control"), description).then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"))
			.body("error_description", containsString("without control characters"));
	}

	@Test
	void aDescriptionOf300CharactersIsTheLongest() {
		put(uniqueName("long"), "a".repeat(300)).then().statusCode(201);
		put(uniqueName("long"), "a".repeat(301)).then().statusCode(400).body("error", equalTo("invalid_request"));
	}

	@Test
	void deletingAScopeLeavesTheClientsThatUseIt() {
		String name = uniqueName("reports.read");
		put(name, "Read your reports").then().statusCode(201);
		RegisteredCredentials job = register(ClientType.M2M, Set.of(), Set.of(name), true);

		admin().delete("/admin/api/scopes/{name}", name).then().statusCode(204);

		admin().get("/admin/api/scopes/{name}", name).then().statusCode(404).body("error", equalTo("not_found"));
		admin().get("/admin/api/clients/{id}", job.clientId()).then().statusCode(200).body("scope", equalTo(name));
		assertThat(Jwts.claims(clientCredentials(job))).containsEntry("scope", name);
	}

	@Test
	void deletingAnUnknownScopeIs404() {
		admin().delete("/admin/api/scopes/{name}", uniqueName("never"))
			.then()
			.statusCode(404)
			.body("error", equalTo("not_found"))
			.body("error_description", containsString("does not exist"));
		admin().get("/admin/api/scopes/{name}", uniqueName("never")).then().statusCode(404);
	}

	@Test
	void aUserWithoutAdminRoleIsRefused() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("admin"), true);
		String token = passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract()
			.path("access_token");
		String name = uniqueName("sneaky");

		given().auth().oauth2(token).get("/admin/api/scopes").then().statusCode(403)
			.body("error", equalTo("insufficient_scope"));
		given().auth().oauth2(token).contentType("application/json").body(description("Everything"))
			.put("/admin/api/scopes/{name}", name)
			.then()
			.statusCode(403);
		given().get("/admin/api/scopes").then().statusCode(401);

		admin().get("/admin/api/scopes/{name}", name).then().statusCode(404);
	}

	private static io.restassured.response.Response put(String name, String description) {
		return admin().body(description(description)).put("/admin/api/scopes/{name}", name);
	}

	private static String description(String description) {
		return Json.of(Map.of("description", description));
	}

	/** Name to description, in the order listed. */
	private static Map<String, String> listed() {
		List<Map<String, String>> scopes = admin().get("/admin/api/scopes").then().statusCode(200).extract()
			.jsonPath().getList("");
		Map<String, String> listed = new LinkedHashMap<>();
		scopes.forEach((scope) -> listed.put(scope.get("name"), scope.get("description")));
		return listed;
	}

	/** Tests share the database: a scope of their own each. */
	private static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

}
