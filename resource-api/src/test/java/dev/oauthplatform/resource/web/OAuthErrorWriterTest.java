package dev.oauthplatform.resource.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthErrorWriterTest {

	@Test
	void writesErrorAndDescriptionAsEscapedJson() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("WWW-Authenticate", "Bearer");
		OAuthErrorWriter.write(response, HttpStatus.FORBIDDEN, "access_denied", "a \"quoted\" \\ word");
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"error\":\"access_denied\",\"error_description\":\"a \\\"quoted\\\" \\\\ word\"}");
	}

}
