package dev.oauthplatform.auth.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;

/** The requests of the code flow: the authorize parameters, the code exchange, and both around a consent. */
public final class CodeFlow {

	private CodeFlow() {
	}

	public static Map<String, String> request(RegisteredCredentials client, String redirectUri, Pkce pkce,
			String scope) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", client.clientId());
		parameters.put("redirect_uri", redirectUri);
		parameters.put("state", "xyz-state");
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		if (scope != null) {
			parameters.put("scope", scope);
		}
		return parameters;
	}

	public static Response exchange(RegisteredCredentials client, String code, String redirectUri, String verifier) {
		return HttpTest.tokenRequest(client)
			.formParam("grant_type", "authorization_code")
			.formParam("code", code)
			.formParam("redirect_uri", redirectUri)
			.formParam("code_verifier", verifier)
			.post("/oauth2/token");
	}

	/**
	 * A user signs in in this browser to a client that asks no consent; the code it is sent back
	 * with, to exchange with {@code pkce}'s verifier.
	 */
	public static String codeAfterSignIn(BrowserFlow browser, RegisteredCredentials client, String redirectUri,
			Pkce pkce, String scope, String username, String password) {
		Response redirect = browser.signIn(browser.authorize(request(client, redirectUri, pkce, scope)), username,
				password);
		return BrowserFlow.redirectParameters(redirect).get("code");
	}

	/** A user signs in in this browser, allows exactly these scopes, and the client exchanges the code. */
	public static JsonPath tokensAfterConsent(BrowserFlow browser, RegisteredCredentials client, String redirectUri,
			String username, String password, String scope) {
		Pkce pkce = Pkce.create();
		Response consentPage = browser.signIn(browser.authorize(request(client, redirectUri, pkce, scope)), username,
				password);
		Map<String, String> response = BrowserFlow
			.redirectParameters(browser.consent(consentPage, client.clientId(), List.of(scope.split(" "))));
		return exchange(client, response.get("code"), redirectUri, pkce.verifier()).then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

}
