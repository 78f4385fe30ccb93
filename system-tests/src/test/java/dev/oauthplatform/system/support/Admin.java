package dev.oauthplatform.system.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import tools.jackson.databind.json.JsonMapper;

import static io.restassured.RestAssured.given;

/** What an admin does, through the admin API only, with a token from the admin-cli client. */
public final class Admin {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String authServer;

	private final String password;

	public Admin(String authServer, String password) {
		this.authServer = authServer;
		this.password = password;
	}

	public static Admin of(Platform platform) {
		return new Admin(platform.authServer(), platform.adminPassword());
	}

	public RequestSpecification api() {
		String token = given().baseUri(this.authServer)
			.formParam("grant_type", "password")
			.formParam("client_id", "admin-cli")
			.formParam("username", Platform.ADMIN_USERNAME)
			.formParam("password", this.password)
			.post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
		return given().baseUri(this.authServer).auth().oauth2(token).contentType("application/json");
	}

	/** Registers a client from RFC 7591 metadata; the answer holds its secret, shown this once. */
	public JsonPath register(Map<String, Object> metadata) {
		return api().body(JSON.writeValueAsString(metadata))
			.post("/admin/api/clients")
			.then()
			.statusCode(201)
			.extract()
			.jsonPath();
	}

	public Credentials registerMachineClient(String name) {
		return registerMachineClient(Map.of("client_name", name, "client_type", "m2m", "scope", "notes.read"));
	}

	/** An m2m client with these metadata (e.g. {@code resource_server}, {@code audiences}). */
	public Credentials registerMachineClient(Map<String, Object> metadata) {
		JsonPath client = register(metadata);
		return new Credentials(client.getString("client_id"), client.getString("client_secret"));
	}

	/** A new user with role USER; returns the username. */
	public String createUser(String password) {
		String username = "user-" + UUID.randomUUID();
		api().body(JSON.writeValueAsString(Map.of("username", username, "password", password, "roles",
				List.of("USER"))))
			.post("/admin/api/users")
			.then()
			.statusCode(201);
		return username;
	}

	public record Credentials(String clientId, String clientSecret) {
	}

}
