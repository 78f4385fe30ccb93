package dev.oauthplatform.system;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;

import dev.oauthplatform.system.support.Admin;
import dev.oauthplatform.system.support.Pkce;
import dev.oauthplatform.system.support.Platform;

import static io.restassured.RestAssured.given;

/** The running platform, and the requests its users make, over HTTP only. */
abstract class PlatformTest {

	/** Long enough for the password policy, and no common password. */
	static final String PASSWORD = "amber-falcon-meadow-73";

	static Platform platform;

	static Admin admin;

	@BeforeAll
	static void startThePlatform() {
		platform = Platform.get();
		admin = Admin.of(platform);
	}

	static RequestSpecification authServer() {
		return given().baseUri(platform.authServer());
	}

	static RequestSpecification resourceApi(String accessToken) {
		return given().baseUri(platform.resourceApi()).auth().oauth2(accessToken);
	}

	static Map<String, String> authorizeRequest(String clientId, String redirectUri, Pkce pkce, String scope) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", clientId);
		parameters.put("redirect_uri", redirectUri);
		parameters.put("scope", scope);
		parameters.put("state", "state-" + pkce.challenge().substring(0, 8));
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		return parameters;
	}

	static RequestSpecification passwordGrant(String clientId, String username, String password) {
		return authServer().formParam("grant_type", "password")
			.formParam("client_id", clientId)
			.formParam("username", username)
			.formParam("password", password);
	}

}
