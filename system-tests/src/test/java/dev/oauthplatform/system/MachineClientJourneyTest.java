package dev.oauthplatform.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.system.support.Admin.Credentials;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A machine-to-machine client: a token with no user, and what the API lets it do. */
class MachineClientJourneyTest extends PlatformTest {

	@Test
	void aMachineTokenReadsWhoItIsButHasNoNotes() {
		Credentials job = admin.registerMachineClient("Nightly export");
		String token = machineToken(job, null);

		resourceApi(token).get("/api/me")
			.then()
			.statusCode(200)
			.body("sub", equalTo(job.clientId()))
			.body("client_id", equalTo(job.clientId()))
			.body("username", nullValue());
		resourceApi(token).get("/api/notes").then().statusCode(403);
	}

	@Test
	void withoutAValidTokenTheApiAnswers401() {
		given().baseUri(platform.resourceApi()).get("/api/me").then().statusCode(401);
		resourceApi("garbage.not.a-token").get("/api/me")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("invalid_token"));
	}

	@Test
	void aTokenMeantForAnotherApiIsRefused() {
		Credentials billingCaller = admin.registerMachineClient(Map.of("client_name", "Other API caller",
				"client_type", "m2m", "scope", "notes.read", "audiences", List.of("https://billing.example.test")));
		String token = machineToken(billingCaller, "https://billing.example.test");
		resourceApi(token).get("/api/me")
			.then()
			.statusCode(401)
			.header("WWW-Authenticate", containsString("invalid_token"));
	}

	/** A client_credentials token, for the default audience or the RFC 8707 resource given. */
	private static String machineToken(Credentials client, String resource) {
		var request = authServer().auth()
			.preemptive()
			.basic(client.clientId(), client.clientSecret())
			.formParam("grant_type", "client_credentials");
		if (resource != null) {
			request.formParam("resource", resource);
		}
		return request.post("/oauth2/token").then().statusCode(200).extract().path("access_token");
	}

}
