package dev.oauthplatform.auth.grant;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static dev.oauthplatform.auth.support.Scopes.scopes;

class AuthorizationCodeGrantTest extends HttpTest {

	private static final String WEB_REDIRECT = "https://app.example.test/callback";

	@Test
	void firstPartyWebClientGetsCodeWithStateAndIssuerWithoutConsent() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(WEB_REDIRECT), Set.of("openid", "notes.read"), true);
		String user = newUser();
		Pkce pkce = Pkce.create();
		BrowserFlow browser = new BrowserFlow(baseUrl());

		Response redirect = browser.signIn(browser.authorize(request(web, WEB_REDIRECT, pkce, "openid notes.read")),
				user, USER_PASSWORD);

		assertThat(redirect.header("Location")).startsWith(WEB_REDIRECT + "?");
		Map<String, String> response = BrowserFlow.redirectParameters(redirect);
		assertThat(response).containsEntry("state", "xyz-state").containsEntry("iss", "http://localhost:9000");
		exchange(web, response.get("code"), WEB_REDIRECT, pkce.verifier()).then()
			.statusCode(200)
			.body("access_token", notNullValue())
			.body("refresh_token", notNullValue())
			.body("id_token", notNullValue())
			.body("scope", scopes("openid", "notes.read"));
	}

	@Test
	void thirdPartySpaSeesTheConsentPageAndGetsARefreshTokenThoughPublic() {
		String redirectUri = "https://spa.example.test/";
		RegisteredCredentials spa = register(ClientType.SPA, Set.of(redirectUri), Set.of("notes.read", "notes.write"),
				false);
		Pkce pkce = Pkce.create();
		BrowserFlow browser = new BrowserFlow(baseUrl());

		Response consentPage = browser.signIn(
				browser.authorize(request(spa, redirectUri, pkce, "notes.read notes.write")), newUser(), USER_PASSWORD);
		Response redirect = browser.consent(consentPage, spa.clientId(), List.of("notes.read", "notes.write"));

		Map<String, String> response = BrowserFlow.redirectParameters(redirect);
		assertThat(response).containsEntry("state", "xyz-state").containsKey("code");
		exchange(spa, response.get("code"), redirectUri, pkce.verifier()).then()
			.statusCode(200)
			.body("refresh_token", notNullValue());
	}

	@Test
	void aReplayedCodeFailsAndRevokesWhatWasIssuedFromIt() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(WEB_REDIRECT), Set.of("notes.read"), true);
		Pkce pkce = Pkce.create();
		String code = codeFor(web, WEB_REDIRECT, pkce, "notes.read");
		String accessToken = exchange(web, code, WEB_REDIRECT, pkce.verifier()).then()
			.statusCode(200)
			.extract()
			.path("access_token");
		introspect(web, accessToken).then().body("active", equalTo(true));

		exchange(web, code, WEB_REDIRECT, pkce.verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));

		introspect(web, accessToken).then().body("active", equalTo(false));
	}

	@Test
	void plainPkceIsRefused() {
		RegisteredCredentials spa = register(ClientType.SPA, Set.of(WEB_REDIRECT), Set.of("notes.read"), true);
		Map<String, String> parameters = request(spa, WEB_REDIRECT, Pkce.create(), "notes.read");
		parameters.put("code_challenge_method", "plain");

		Response response = new BrowserFlow(baseUrl()).authorize(parameters);

		assertThat(BrowserFlow.redirectParameters(response)).containsEntry("error", "invalid_request")
			.containsEntry("iss", "http://localhost:9000");
	}

	@Test
	void aWrongOrMissingCodeVerifierIsRefused() {
		RegisteredCredentials spa = register(ClientType.SPA, Set.of(WEB_REDIRECT), Set.of("notes.read"), true);
		Pkce pkce = Pkce.create();
		String code = codeFor(spa, WEB_REDIRECT, pkce, "notes.read");

		exchange(spa, code, WEB_REDIRECT, Pkce.create().verifier()).then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
		tokenRequest(spa).formParam("grant_type", "authorization_code")
			.formParam("code", code)
			.formParam("redirect_uri", WEB_REDIRECT)
			.post("/oauth2/token")
			.then()
			// RFC 7636 §4.6: the client is known; the grant lacks its proof
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
	}

	@Test
	void nativeLoopbackRedirectMatchesOnAnyPort() {
		RegisteredCredentials app = register(ClientType.NATIVE, Set.of("http://127.0.0.1/callback"),
				Set.of("notes.read"), true);
		Pkce pkce = Pkce.create();

		String code = codeFor(app, "http://127.0.0.1:53127/callback", pkce, "notes.read");

		exchange(app, code, "http://127.0.0.1:53127/callback", pkce.verifier()).then().statusCode(200);
	}

	@Test
	void aWebClientsLoopbackRedirectMustMatchExactlyAndNothingIsRedirected() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of("http://127.0.0.1:3000/callback"),
				Set.of("notes.read"), true);

		Response response = new BrowserFlow(baseUrl())
			.authorize(request(web, "http://127.0.0.1:3001/callback", Pkce.create(), "notes.read"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.header("Location")).isNull();
		assertThat(response.asString()).contains("invalid_request").contains("redirect_uri");
	}

	@Test
	void anAuthorizeRequestWithoutScopeGetsTheClientsRegisteredScopes() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(WEB_REDIRECT), Set.of("notes.read", "notes.write"),
				true);
		Pkce pkce = Pkce.create();

		String code = codeFor(web, WEB_REDIRECT, pkce, null);

		exchange(web, code, WEB_REDIRECT, pkce.verifier()).then()
			.statusCode(200)
			.body("scope", scopes("notes.read", "notes.write"));
	}

	@Test
	void aThirdPartyConsentIsRememberedForTheNextSignIn() {
		String redirectUri = "https://thirdparty.example.test/cb";
		RegisteredCredentials app = register(ClientType.WEB, Set.of(redirectUri), Set.of("notes.read"), false);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response consentPage = browser.signIn(browser.authorize(request(app, redirectUri, Pkce.create(), "notes.read")),
				newUser(), USER_PASSWORD);
		BrowserFlow.redirectParameters(browser.consent(consentPage, app.clientId(), List.of("notes.read")));

		Response second = browser.authorize(request(app, redirectUri, Pkce.create(), "notes.read"));

		assertThat(BrowserFlow.redirectParameters(second)).containsKey("code");
	}

	@ParameterizedTest
	@ValueSource(strings = { "com.example.app:/oauth/callback", "http://127.0.0.1/callback" })
	void aNativeAppWhoseRedirectAnyAppCouldClaimAsksTheUserEveryTimeEvenWhenFirstParty(String redirectUri) {
		// RFC 8252 §8.6: a private-use scheme or a loopback port proves nothing about the app
		RegisteredCredentials app = register(ClientType.NATIVE, Set.of(redirectUri), Set.of("openid", "notes.read"),
				true);
		BrowserFlow browser = new BrowserFlow(baseUrl());

		Response page = browser.signIn(browser.authorize(request(app, redirectUri, Pkce.create(), "notes.read")),
				newUser(), USER_PASSWORD);
		assertThat(page.asString()).contains("id=\"consent-form\"").contains("id=\"confirm-app\"");
		Response redirect = browser.consent(page, app.clientId(), List.of("notes.read"));
		assertThat(redirect.header("Location")).startsWith(redirectUri + "?code=");

		// consented before, and asking for openid only: confirmed again all the same
		for (String scope : List.of("notes.read", "openid")) {
			Response again = browser.toConsentPage(browser.authorize(request(app, redirectUri, Pkce.create(), scope)));
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.asString()).contains("id=\"consent-form\"");
			Response allowed = browser.submit(again, "/oauth2/authorize?decision=allow");
			assertThat(allowed.header("Location")).startsWith(redirectUri + "?code=");
		}
	}

	@Test
	void aDeniedConsentRedirectsWithAccessDenied() {
		String redirectUri = "https://thirdparty.example.test/cb";
		RegisteredCredentials app = register(ClientType.WEB, Set.of(redirectUri), Set.of("notes.read"), false);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response consentPage = browser.signIn(browser.authorize(request(app, redirectUri, Pkce.create(), "notes.read")),
				newUser(), USER_PASSWORD);

		Response redirect = browser.consent(consentPage, app.clientId(), List.of());

		assertThat(BrowserFlow.redirectParameters(redirect)).containsEntry("error", "access_denied")
			.containsEntry("iss", "http://localhost:9000");
	}

	private String codeFor(RegisteredCredentials client, String redirectUri, Pkce pkce, String scope) {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response redirect = browser.signIn(browser.authorize(request(client, redirectUri, pkce, scope)), newUser(),
				USER_PASSWORD);
		if (redirect.statusCode() == 200) {
			// the consent page: a third-party client, or a native app confirming who it is
			redirect = browser.consent(redirect, client.clientId(), List.of(scope.split(" ")));
		}
		return BrowserFlow.redirectParameters(redirect).get("code");
	}

	static Map<String, String> request(RegisteredCredentials client, String redirectUri, Pkce pkce, String scope) {
		return CodeFlow.request(client, redirectUri, pkce, scope);
	}

	static Response exchange(RegisteredCredentials client, String code, String redirectUri, String verifier) {
		return CodeFlow.exchange(client, code, redirectUri, verifier);
	}

}
