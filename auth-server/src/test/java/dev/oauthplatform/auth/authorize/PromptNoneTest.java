package dev.oauthplatform.auth.authorize;

import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prompt=none} from a signed-out browser: {@code login_required} at the client's validated
 * redirect URI, and never at a redirect URI the framework did not validate.
 */
class PromptNoneTest extends HttpTest {

	private static final String REDIRECT = "https://app.example.test/callback";

	private static final String EVIL = "https://evil.example/";

	@Test
	void aSilentRequestFromABrowserThatNeverSignedInGetsLoginRequiredAtTheClient() {
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true);
		Map<String, String> request = CodeFlow.request(client, REDIRECT, Pkce.create(), "openid");
		request.put("prompt", "none");

		Response response = new BrowserFlow(baseUrl()).authorize(request);

		assertThat(response.header("Location")).startsWith(REDIRECT + "?");
		assertThat(BrowserFlow.redirectParameters(response)).containsEntry("error", "login_required")
			.containsEntry("state", "xyz-state")
			.containsEntry("iss", "http://localhost:9000")
			.doesNotContainKey("code");
	}

	@Test
	void aSilentRequestWithARequestUriNeverRedirectsToItsUnvalidatedRedirectUri() {
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true);

		Response response = given().redirects().follow(false)
			.queryParam("client_id", client.clientId())
			.queryParam("request_uri", "urn:example:request")
			.queryParam("prompt", "none")
			.queryParam("redirect_uri", EVIL)
			.queryParam("state", "s")
			.get("/oauth2/authorize");

		assertNotSentTo(response, EVIL);
	}

	@Test
	void aConsentShapedPostNeverRedirectsToItsUnvalidatedRedirectUri() {
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("openid"), true);

		Response response = given().redirects().follow(false)
			.contentType("application/x-www-form-urlencoded")
			.formParam("client_id", client.clientId())
			.formParam("state", "s")
			.formParam("prompt", "none")
			.formParam("redirect_uri", EVIL)
			.post("/oauth2/authorize");

		assertNotSentTo(response, EVIL);
	}

	@Test
	void aPostWithPromptAndRedirectUriInTheQueryNeverRedirectsThere() {
		RegisteredCredentials client = register(ClientType.WEB, Set.of(REDIRECT), Set.of("notes.read"), true);
		Pkce pkce = Pkce.create();

		Response response = given().redirects().follow(false)
			.contentType("application/x-www-form-urlencoded")
			.queryParam("prompt", "none")
			.queryParam("redirect_uri", EVIL)
			.formParam("response_type", "code")
			.formParam("client_id", client.clientId())
			.formParam("code_challenge", pkce.challenge())
			.formParam("code_challenge_method", "S256")
			.formParam("state", "s")
			.post("/oauth2/authorize");

		assertNotSentTo(response, EVIL);
	}

	private static void assertNotSentTo(Response response, String uri) {
		assertThat(response.statusCode()).isLessThan(500);
		String location = response.header("Location");
		if (location != null) {
			assertThat(location).doesNotStartWith(uri).doesNotContain("evil.example");
		}
	}

}
