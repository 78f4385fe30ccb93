package dev.oauthplatform.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A client that asked for opaque reference tokens: resource-api checks them by introspection. */
class ReferenceTokenJourneyTest extends PlatformTest {

	@Test
	void aReferenceTokenIsAcceptedThroughIntrospection() {
		String clientId = admin.register(Map.of("client_name", "Reference CLI", "client_type", "cli", "scope",
				"notes.read", "access_token_format", "reference")).getString("client_id");
		String username = admin.createUser(PASSWORD);
		String token = passwordGrant(clientId, username, PASSWORD).post("/oauth2/token")
			.then()
			.statusCode(200)
			.extract()
			.path("access_token");
		assertThat(token).doesNotContain(".");

		resourceApi(token).get("/api/me").then().statusCode(200).body("username", equalTo(username));
		resourceApi(token).get("/api/notes").then().statusCode(200);
	}

	@Test
	void anUnknownReferenceTokenIsRefused() {
		resourceApi("an-opaque-token-nobody-issued-0123456789").get("/api/me").then().statusCode(401);
	}

}
