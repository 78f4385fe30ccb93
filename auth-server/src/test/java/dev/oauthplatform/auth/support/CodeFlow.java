package dev.oauthplatform.auth.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.Response;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;

/** The two requests of the code flow a client makes: the authorize parameters and the code exchange. */
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

}
