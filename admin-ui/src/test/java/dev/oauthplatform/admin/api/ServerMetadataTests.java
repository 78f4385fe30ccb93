package dev.oauthplatform.admin.api;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.ExpectedCount.once;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class ServerMetadataTests {

	private static final String DOCUMENT = """
			{"issuer":"http://auth.example","grant_types_supported":["authorization_code","password"],
			 "token_endpoint_auth_methods_supported":["client_secret_basic","none"]}""";

	@Test
	void theDiscoveryDocumentIsReadOnceAndKept() {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://auth.example");
		MockRestServiceServer auth = MockRestServiceServer.bindTo(builder).build();
		auth.expect(once(), requestTo("http://auth.example/.well-known/oauth-authorization-server"))
			.andRespond(withSuccess(DOCUMENT, MediaType.APPLICATION_JSON));
		ServerMetadata metadata = new ServerMetadata(builder.build());

		assertThat(metadata.grantTypesSupported()).hasValue(java.util.List.of("authorization_code", "password"));
		assertThat(metadata.tokenEndpointAuthMethodsSupported()).hasValue(java.util.List.of("client_secret_basic", "none"));
		auth.verify();
	}

	@Test
	void aFailedReadSaysNothingAndIsTriedAgain() {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://auth.example");
		MockRestServiceServer auth = MockRestServiceServer.bindTo(builder).build();
		auth.expect(requestTo("http://auth.example/.well-known/oauth-authorization-server"))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
		auth.expect(requestTo("http://auth.example/.well-known/oauth-authorization-server"))
			.andRespond(withSuccess(DOCUMENT, MediaType.APPLICATION_JSON));
		ServerMetadata metadata = new ServerMetadata(builder.build());

		assertThat(metadata.grantTypesSupported()).isEmpty();
		assertThat(metadata.grantTypesSupported()).hasValue(java.util.List.of("authorization_code", "password"));
		auth.verify();
	}

}
