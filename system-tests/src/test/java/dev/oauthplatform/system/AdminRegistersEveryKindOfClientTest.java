package dev.oauthplatform.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** An admin registers one client of each type, through the admin API, and gets what the type means. */
class AdminRegistersEveryKindOfClientTest extends PlatformTest {

	static Stream<Arguments> everyType() {
		return Stream.of(
				arguments(Map.of("client_name", "Shop backend", "client_type", "web", "redirect_uris",
						List.of("https://shop.example.test/callback")), true, List.of("authorization_code", "refresh_token")),
				arguments(Map.of("client_name", "Shop SPA", "client_type", "spa", "redirect_uris",
						List.of("https://shop.example.test/app/")), false, List.of("authorization_code", "refresh_token")),
				arguments(Map.of("client_name", "Shop app", "client_type", "native", "redirect_uris",
						List.of("com.example.shop:/callback", "http://127.0.0.1/callback")), false,
						List.of("authorization_code", "refresh_token")),
				arguments(Map.of("client_name", "Billing job", "client_type", "m2m"), true,
						List.of("client_credentials")),
				arguments(Map.of("client_name", "Shop CLI", "client_type", "cli"), false,
						List.of("password", "refresh_token")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyType")
	void eachTypeIsRegisteredWithItsRules(Map<String, Object> metadata, boolean confidential, List<String> grants) {
		JsonPath client = admin.register(metadata);
		assertThat(client.getString("client_secret") != null).isEqualTo(confidential);
		assertThat(client.getString("token_endpoint_auth_method"))
			.isEqualTo(confidential ? "client_secret_basic" : "none");
		assertThat(client.getList("grant_types", String.class)).containsExactlyInAnyOrderElementsOf(grants);
		assertThat(client.getBoolean("require_pkce")).isTrue();
	}

}
