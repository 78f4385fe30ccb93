package dev.oauthplatform.auth.grant.device;

import java.util.Set;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.DeviceFlow;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The verification page: sign in, type the code, always confirm; wrong codes are rationed. */
class ActivatePageTest extends HttpTest {

	@Test
	void theLinkWithTheCodeLeadsThroughSignInToTheCodeFilledInThenAConfirmationEvenForAFirstPartyClient() {
		RegisteredCredentials cli = registerDeviceClient();
		String userCode = DeviceFlow.start(cli, "notes.read").path("user_code");
		BrowserFlow browser = new BrowserFlow(baseUrl());

		Response filledIn = browser.signInFor("/activate?user_code=" + userCode, newUser(), USER_PASSWORD);
		assertThat(filledIn.asString()).contains("value=\"" + userCode + "\"", "Check that this is the code");
		Response confirm = DeviceFlow.typeCode(browser, filledIn, userCode);

		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.asString()).contains("Connect <span>Notes CLI</span> to your account?", userCode,
				"If someone sent you this code or link, choose Deny", "id=\"approve\"", "id=\"deny\"",
				"Asked for less than a minute ago", "from your own network.");
	}

	@Test
	void aRequestFromAnotherNetworkSaysSoAndWhere() {
		RegisteredCredentials cli = registerDeviceClient();
		String userCode = from("203.0.113.9").formParam("client_id", cli.clientId())
			.post("/oauth2/device_authorization")
			.path("user_code");

		Response confirm = DeviceFlow.confirmationPage(new BrowserFlow(baseUrl()), newUser(), USER_PASSWORD,
				userCode);

		assertThat(confirm.asString()).contains("<code>203.0.113.9</code>; this browser is at",
				"If the device is not near you, choose Deny");
	}

	@Test
	void linksWithWrongCodesSpendNoTriesOnlyTheFormDoes() {
		RegisteredCredentials cli = registerDeviceClient();
		String userCode = DeviceFlow.start(cli, "notes.read").path("user_code");
		BrowserFlow browser = new BrowserFlow(baseUrl());
		browser.signInFor("/activate", newUser(), USER_PASSWORD);
		for (int i = 0; i < 12; i++) {
			assertThat(browser.page("/activate?user_code=BCDF-GHJK").statusCode()).isEqualTo(200);
		}

		Response confirm = DeviceFlow.typeCode(browser, browser.page("/activate"), userCode);

		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.asString()).contains(userCode);
	}

	@Test
	void aWrongAMalformedOrAnExpiredCodeIsToldPlainly() {
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response enter = browser.signInFor("/activate", newUser(), USER_PASSWORD);

		for (String typed : new String[] { "BCDF-GHJK", "not a code", "x".repeat(5000), "" }) {
			Response page = DeviceFlow.typeCode(browser, enter, typed);
			assertThat(page.statusCode()).as(typed).isEqualTo(400);
			assertThat(page.asString()).contains("That code is not valid");
		}
	}

	@Test
	void aDecidedCodeCannotBeDecidedAgain() {
		RegisteredCredentials cli = registerDeviceClient();
		String userCode = DeviceFlow.start(cli, "notes.read").path("user_code");
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Response confirm = DeviceFlow.confirmationPage(browser, newUser(), USER_PASSWORD, userCode);
		decide(browser, confirm, "deny");

		Response again = decide(browser, confirm, "approve");

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.asString()).contains("That code is not valid");
	}

	@Test
	void guessingIsStoppedAfterTenWrongCodesForThatUserOnly() {
		RegisteredCredentials cli = registerDeviceClient();
		String userCode = DeviceFlow.start(cli, "notes.read").path("user_code");
		BrowserFlow guesser = new BrowserFlow(baseUrl());
		Response enter = guesser.signInFor("/activate", newUser(), USER_PASSWORD);
		for (int i = 0; i < 10; i++) {
			assertThat(DeviceFlow.typeCode(guesser, enter, "BCDF-GHJK").statusCode()).isEqualTo(400);
		}

		Response refused = DeviceFlow.typeCode(guesser, enter, userCode);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.asString()).contains("Too many codes that were not valid. Try again in");
		BrowserFlow someoneElse = new BrowserFlow(baseUrl());
		Response theirs = DeviceFlow.typeCode(someoneElse, someoneElse.signInFor("/activate", newUser(), USER_PASSWORD), userCode);
		assertThat(theirs.statusCode()).isEqualTo(200);
	}

	@Test
	void theFormsNeedTheirCsrfTokenAndTheFrameworksOwnVerificationEndpointApprovesNothing() {
		RegisteredCredentials cli = registerDeviceClient();
		Response authorization = DeviceFlow.start(cli, "notes.read");
		String userCode = authorization.path("user_code");
		BrowserFlow browser = new BrowserFlow(baseUrl());
		browser.signInFor("/activate", newUser(), USER_PASSWORD);

		browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParam("user_code", userCode)
			.formParam("decision", "approve")
			.post(baseUrl() + "/activate")
			.then()
			.statusCode(403);
		Response framework = browser.browser().get(baseUrl() + "/oauth2/device_verification?user_code=" + userCode);
		assertThat(framework.statusCode()).isEqualTo(302);
		assertThat(framework.header("Location")).endsWith("/activate");
		DeviceFlow.poll(cli, authorization.path("device_code"))
			.then()
			.statusCode(400)
			.body("error", equalTo("authorization_pending"));
	}

	@Test
	void signedOutTheCodeEntryAsksToSignInFirst() {
		Response response = given().redirects().follow(false).get("/activate");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	private RegisteredCredentials registerDeviceClient() {
		return register(NewClient.of(null, "Notes CLI", ClientType.CLI, Set.of(), Set.of("notes.read"), true)
			.withGrantTypes(Set.of(DeviceFlow.GRANT)));
	}

	private Response decide(BrowserFlow browser, Response confirm, String decision) {
		return browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(confirm.asString()))
			.formParam("decision", decision)
			.post(baseUrl() + "/activate");
	}

}
