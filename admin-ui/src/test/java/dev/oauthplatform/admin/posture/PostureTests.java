package dev.oauthplatform.admin.posture;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.oauthplatform.admin.client.ClientDetails;

import static org.assertj.core.api.Assertions.assertThat;

class PostureTests {

	private static final List<String> CODE = List.of("authorization_code", "refresh_token");

	static ClientDetails client(String type, String authMethod, List<String> grants, List<String> redirectUris,
			boolean requirePkce, int accessTokenTtl) {
		return new ClientDetails("c1", null, 1_700_000_000L, "Client", type, redirectUris, grants, authMethod, "openid",
				false, requirePkce, "jwt", accessTokenTtl, 2_592_000, true, null, null, null, null, null, false, List.of(), List.of());
	}

	static Finding finding(ClientDetails client, String rule) {
		return Posture.of(client).stream().filter((f) -> f.rule().equals(rule)).findFirst().orElse(null);
	}

	static List<String> rules(ClientDetails client) {
		return Posture.of(client).stream().map(Finding::rule).toList();
	}

	@Nested
	class WebClient {

		ClientDetails web(boolean pkce, String uri) {
			return client("web", "client_secret_basic", CODE, List.of(uri), pkce, 900);
		}

		@Test
		void pkceOffIsAWarningWithAOneClickFix() {
			Finding pkce = finding(web(false, "https://shop.example.com/cb"), "pkce");
			assertThat(pkce.status()).isEqualTo("warn");
			assertThat(pkce.hasFix()).isTrue();
			assertThat(pkce.reference()).contains("§2.1.1");
			assertThat(Posture.fix("pkce")).contains(Map.of("require_pkce", true));
		}

		@Test
		void pkceOnPasses() {
			assertThat(finding(web(true, "https://shop.example.com/cb"), "pkce").status()).isEqualTo("pass");
		}

		@Test
		void httpLoopbackRedirectIsAWarningWithoutAutomaticFix() {
			Finding https = finding(web(true, "http://localhost:8080/cb"), "https-redirect-uris");
			assertThat(https.status()).isEqualTo("warn");
			assertThat(https.hasFix()).isFalse();
		}

		@Test
		void theWarningNamesOnlyThePlainHttpUrisAsADevelopmentSetup() {
			ClientDetails client = client("web", "client_secret_basic", CODE,
					List.of("https://shop.example.com/cb", "http://localhost:8080/cb"), true, 900);
			Finding https = finding(client, "https-redirect-uris");
			assertThat(https.title()).isEqualTo("Plain http redirect URI");
			assertThat(https.detail()).startsWith("http://localhost:8080/cb uses http")
				.contains("fine for development")
				.doesNotContain("shop.example.com");
		}

		@Test
		void exactRedirectMatchingAndNoImplicitAlwaysPass() {
			ClientDetails client = web(true, "https://shop.example.com/cb");
			assertThat(finding(client, "exact-redirect-uris").status()).isEqualTo("pass");
			assertThat(finding(client, "implicit").status()).isEqualTo("pass");
		}

		@Test
		void confidentialClientShowsWhenItsSecretWasLastUsed() {
			Instant used = Instant.parse("2026-01-31T12:00:00Z");
			ClientDetails client = new ClientDetails("c1", null, 1L, "C", "web", List.of("https://a.example/cb"), CODE,
					"client_secret_basic", "", false, true, "jwt", 900, 3600, true, null, used, null, null, null, false, List.of(), List.of());
			assertThat(finding(client, "secret-use").detail()).contains("2026-01-31T12:00:00Z");
			assertThat(rules(client)).doesNotContain("refresh-rotation", "password-grant");
		}

		@Test
		void oldSecretStillInUseDuringGraceIsAWarning() {
			Instant now = Instant.parse("2026-01-31T12:00:00Z");
			ClientDetails client = new ClientDetails("c1", null, 1L, "C", "web", List.of("https://a.example/cb"), CODE,
					"client_secret_basic", "", false, true, "jwt", 900, 3600, true, null, now, now.plusSeconds(3600),
					now, null, false, List.of(), List.of());
			assertThat(finding(client, "secret-use").status()).isEqualTo("warn");
		}

	}

	@Nested
	class SinglePageApp {

		ClientDetails spa(String uri) {
			return client("spa", "none", CODE, List.of(uri), true, 900);
		}

		@Test
		void refreshTokensRotateForAPublicClient() {
			Finding rotation = finding(spa("https://app.example.com/cb"), "refresh-rotation");
			assertThat(rotation.status()).isEqualTo("pass");
			assertThat(rotation.reference()).contains("§2.2.2");
		}

		@Test
		void httpLoopbackRedirectIsAWarning() {
			assertThat(finding(spa("http://127.0.0.1:5173/cb"), "https-redirect-uris").status()).isEqualTo("warn");
		}

		@Test
		void hasNoSecretFinding() {
			assertThat(rules(spa("https://app.example.com/cb"))).doesNotContain("secret-use");
		}

	}

	@Nested
	class NativeApp {

		@Test
		void loopbackHttpRedirectPassesAsRfc8252Recommends() {
			ClientDetails app = client("native", "none", CODE, List.of("http://127.0.0.1/callback"), true, 900);
			Finding https = finding(app, "https-redirect-uris");
			assertThat(https.status()).isEqualTo("pass");
			assertThat(https.detail()).contains("RFC 8252");
		}

		@Test
		void theIpv6LoopbackRedirectPassesAndIsNamed() {
			ClientDetails app = client("native", "none", CODE, List.of("http://[::1]/callback"), true, 900);
			Finding https = finding(app, "https-redirect-uris");
			assertThat(https.status()).isEqualTo("pass");
			assertThat(https.title()).isEqualTo("Loopback redirect for a native app");
			assertThat(https.detail()).contains("(http://[::1]/callback)");
		}

		@Test
		void privateUseSchemePasses() {
			ClientDetails app = client("native", "none", CODE, List.of("com.example.app:/callback"), true, 900);
			assertThat(finding(app, "https-redirect-uris").status()).isEqualTo("pass");
			assertThat(finding(app, "refresh-rotation").status()).isEqualTo("pass");
		}

	}

	@Nested
	class MachineToMachine {

		@Test
		void onlyTokenLifetimeAndSecretApply() {
			ClientDetails m2m = client("m2m", "client_secret_basic", List.of("client_credentials"), List.of(), true, 900);
			assertThat(rules(m2m)).containsExactly("access-token-lifetime", "secret-use");
		}

		@Test
		void accessTokensLongerThanAnHourWarnWithAFixToFifteenMinutes() {
			ClientDetails m2m = client("m2m", "client_secret_basic", List.of("client_credentials"), List.of(), true,
					7200);
			Finding lifetime = finding(m2m, "access-token-lifetime");
			assertThat(lifetime.status()).isEqualTo("warn");
			assertThat(lifetime.detail()).contains("2 hours");
			assertThat(Posture.fix("access-token-lifetime")).contains(Map.of("access_token_ttl", 900));
		}

		@Test
		void anHourExactlyPasses() {
			ClientDetails m2m = client("m2m", "client_secret_basic", List.of("client_credentials"), List.of(), true,
					3600);
			assertThat(finding(m2m, "access-token-lifetime").status()).isEqualTo("pass");
		}

	}

	@Nested
	class CommandLineTool {

		@Test
		void passwordGrantIsAWarningCitingRfc9700Section24() {
			ClientDetails cli = client("cli", "none", List.of("password", "refresh_token"), List.of(), true, 900);
			Finding password = finding(cli, "password-grant");
			assertThat(password.status()).isEqualTo("warn");
			assertThat(password.reference()).isEqualTo("RFC 9700 §2.4");
			assertThat(password.hasFix()).isFalse();
			assertThat(finding(cli, "refresh-rotation").status()).isEqualTo("pass");
			assertThat(rules(cli)).doesNotContain("pkce", "exact-redirect-uris", "https-redirect-uris");
		}

		@Test
		void confidentialToolAlsoShowsItsSecret() {
			ClientDetails cli = client("cli", "client_secret_basic", List.of("password", "refresh_token"), List.of(),
					true, 900);
			assertThat(rules(cli)).contains("secret-use").doesNotContain("refresh-rotation");
		}

	}

	@Test
	void rulesWithoutAFixHaveNone() {
		assertThat(Posture.fix("password-grant")).isEqualTo(Optional.empty());
	}

}
