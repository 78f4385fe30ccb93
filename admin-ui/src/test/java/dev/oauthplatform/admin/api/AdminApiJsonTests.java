package dev.oauthplatform.admin.api;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.admin.client.ClientDetails;

import static org.assertj.core.api.Assertions.assertThat;

class AdminApiJsonTests {

	@Test
	void readsAClientAsTheContractWritesIt() {
		String json = """
				{"client_id":"shop","client_id_issued_at":1769860800,"client_secret_expires_at":0,
				 "client_name":"Shop","client_type":"web","redirect_uris":["https://shop.example.com/cb"],
				 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
				 "token_endpoint_auth_method":"client_secret_basic","scope":"openid","first_party":true,
				 "require_pkce":false,"access_token_format":"jwt","access_token_ttl":900,
				 "refresh_token_ttl":2592000,"enabled":true,"client_secret_last_used_at":"2026-01-31T12:00:00Z",
				 "some_later_field":1}
				""";
		ClientDetails client = AdminApiConfig.snakeCaseJson().readValue(json, ClientDetails.class);
		assertThat(client.clientId()).isEqualTo("shop");
		assertThat(client.redirectUris()).containsExactly("https://shop.example.com/cb");
		assertThat(client.requirePkce()).isFalse();
		assertThat(client.firstParty()).isTrue();
		assertThat(client.accessTokenTtl()).isEqualTo(900);
		assertThat(client.clientSecretLastUsedAt()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
		assertThat(client.isPublic()).isFalse();
		assertThat(client.resourceServer()).as("absent: false").isFalse();
		assertThat(client.audiences()).isEmpty();
	}

}
