package dev.oauthplatform.auth.token;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.CodeFlow;
import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.LostCommitAnswers;
import dev.oauthplatform.auth.support.LostCommitAnswers.Outcome;
import dev.oauthplatform.auth.support.Pkce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A database restarting can cut the connection just as it answers a commit: the server's driver
 * then reports a failure whether or not the commit happened. A rotation that happened must reach
 * the client (else its retry with the old refresh token looks like theft and revokes the grant),
 * and one that did not must be a 503 after which the same token still works. The same holds for
 * a code, spent once.
 */
@Import(LostCommitAnswers.Config.class)
class UnacknowledgedCommitTest extends HttpTest {

	@AfterEach
	void disarm() {
		assertThat(LostCommitAnswers.spent()).as("the armed commit failure was reached").isTrue();
	}

	@Test
	void aRefreshCommittedWhoseAnswerWasLostStillGivesTheClientItsTokens() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String first = refreshTokenOf(cli);

		LostCommitAnswers.next(Outcome.COMMITTED);
		String second = refresh(cli, first).then()
			.statusCode(200)
			.body("access_token", notNullValue())
			.extract()
			.path("refresh_token");

		assertThat(second).isNotEqualTo(first);
		refresh(cli, second).then().statusCode(200);
		refresh(cli, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
	}

	@Test
	void aRefreshNotCommittedAnswers503AndTheSameTokenRefreshesAfterwards() {
		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String first = refreshTokenOf(cli);

		LostCommitAnswers.next(Outcome.ROLLED_BACK);
		refresh(cli, first).then()
			.statusCode(503)
			.header("Retry-After", "5")
			.body("error", equalTo("temporarily_unavailable"));

		refresh(cli, first).then().statusCode(200).body("refresh_token", notNullValue());
	}

	@Test
	void aCodeExchangeCommittedWhoseAnswerWasLostStillAnswersWithTokens() {
		RegisteredCredentials web = register(ClientType.WEB, Set.of(WEB_REDIRECT), Set.of("openid", "notes.read"), true);
		BrowserFlow browser = new BrowserFlow(baseUrl());
		Pkce pkce = Pkce.create();
		String code = CodeFlow.codeAfterSignIn(browser, web, WEB_REDIRECT, pkce, "openid notes.read", newUser(),
				USER_PASSWORD);

		LostCommitAnswers.next(Outcome.COMMITTED);
		String refreshToken = CodeFlow.exchange(web, code, WEB_REDIRECT, pkce.verifier())
			.then()
			.statusCode(200)
			.body("id_token", notNullValue())
			.extract()
			.path("refresh_token");

		refresh(web, refreshToken).then().statusCode(200);
	}

	private static final String WEB_REDIRECT = "https://app.example.test/callback";

	private String refreshTokenOf(RegisteredCredentials cli) {
		return passwordGrant(cli, newUser(), USER_PASSWORD).then().statusCode(200).extract().path("refresh_token");
	}

}
