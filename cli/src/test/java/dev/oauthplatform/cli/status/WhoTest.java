package dev.oauthplatform.cli.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.cli.store.StoredLogin;

import static org.assertj.core.api.Assertions.assertThat;

class WhoTest {

	@Test
	void theUserIsReadFromTheAccessTokensClaims() {
		assertThat(Who.user(login(jwt("{\"sub\":\"42\",\"username\":\"alice\"}"), null))).isEqualTo("alice");
	}

	@Test
	void theIdTokensSubjectServesWhenTheAccessTokenTellsNothing() {
		assertThat(Who.user(login("opaque-reference-token", jwt("{\"sub\":\"alice\"}")))).isEqualTo("alice");
	}

	@Test
	void aReferenceTokenAloneShowsAQuestionMark() {
		assertThat(Who.user(login("opaque-reference-token", null))).isEqualTo("?");
	}

	@Test
	void claimsArePrintedWithoutControlCharacters() {
		String line = StatusCommand.line(login(jwt("{\"username\":\"ali\\u001b[2Jce\"}"), null), java.time.Instant.EPOCH);

		assertThat(line).contains("user=ali[2Jce").doesNotContain("\u001b");
	}

	private static String jwt(String payload) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
	}

	private static StoredLogin login(String accessToken, String idToken) {
		return new StoredLogin("https://id.example", "cli", URI.create("https://id.example/oauth2/token"), null,
				accessToken, null, null, null, idToken);
	}

}
