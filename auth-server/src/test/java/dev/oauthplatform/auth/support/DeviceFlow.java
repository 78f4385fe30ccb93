package dev.oauthplatform.auth.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The device authorization grant as a device and its user go through it (RFC 8628). */
public final class DeviceFlow {

	public static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	private DeviceFlow() {
	}

	/** The device asks for codes; with no scope (null), for the client's registered ones. */
	public static Response start(RegisteredCredentials client, String scope) {
		RequestSpecification request = given().formParam("client_id", client.clientId());
		if (scope != null) {
			request.formParam("scope", scope);
		}
		return request.post("/oauth2/device_authorization");
	}

	/** The device polls once. */
	public static Response poll(RegisteredCredentials client, String deviceCode) {
		return HttpTest.tokenRequest(client)
			.formParam("grant_type", GRANT)
			.formParam("device_code", deviceCode)
			.post("/oauth2/token");
	}

	/**
	 * The user signs in on /activate, types the code in lower case without the dash, checks the
	 * confirmation and approves; returns the page the browser ends on.
	 */
	public static Response approve(String baseUrl, String username, String password, String userCode) {
		BrowserFlow browser = new BrowserFlow(baseUrl);
		Response confirm = confirmationPage(browser, username, password, userCode.replace("-", "").toLowerCase());
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.asString()).contains(userCode);
		Response approved = browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(confirm.asString()))
			.formParam("decision", "approve")
			.post(baseUrl + "/activate");
		assertThat(approved.header("Location")).endsWith("/activate/done?result=approved");
		return browser.follow(approved);
	}

	/** Signs in on /activate and types the code: the confirmation page, or the entry page with a problem. */
	public static Response confirmationPage(BrowserFlow browser, String username, String password, String typed) {
		Response enter = browser.signInFor("/activate", username, password);
		return typeCode(browser, enter, typed);
	}

	/** Types a code on the entry page (or any page with its CSRF token) and continues. */
	public static Response typeCode(BrowserFlow browser, Response page, String typed) {
		return browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(page.asString()))
			.formParam("user_code", typed)
			.post("/activate");
	}

	/** Approved by the user, then polled after the interval (the test profile's 1 s): the token response. */
	public static Response approvedTokens(String baseUrl, RegisteredCredentials client, String username,
			String password) {
		Response codes = start(client, null);
		approve(baseUrl, username, password, codes.path("user_code"));
		try {
			Thread.sleep(1100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return poll(client, codes.path("device_code"));
	}

}
