package dev.oauthplatform.admin;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No auth-server runs here (port 1 refuses): the console must start and send people to sign in. */
@SpringBootTest(properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
@AutoConfigureMockMvc
class AdminUiApplicationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousVisitorIsSentToSignInWithAdminConsole() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/oauth2/authorization/admin-console")));
	}

	@Test
	void signInUsesTheCodeFlowWithPkceAtTheIssuer() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/admin-console"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", allOf(containsString("http://127.0.0.1:1/oauth2/authorize?"),
					containsString("response_type=code"), containsString("client_id=admin-console"),
					containsString("code_challenge="), containsString("code_challenge_method=S256"),
					containsString("scope=openid%20profile%20admin"))));
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/logout")).andExpect(status().isForbidden());
		this.mvc.perform(post("/clients/new").with(csrf())).andExpect(status().isFound());
	}

	@Test
	void signedOutPageAndStylesheetArePublic() throws Exception {
		this.mvc.perform(get("/signed-out"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign in again")));
		this.mvc.perform(get("/css/console.css")).andExpect(status().isOk());
	}

}
