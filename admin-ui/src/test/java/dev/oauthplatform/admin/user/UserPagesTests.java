package dev.oauthplatform.admin.user;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The user pages render, with the admin API answering from a stub. */
@SpringBootTest(properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
@AutoConfigureMockMvc
class UserPagesTests {

	static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	static final UsersApi.User ALICE = new UsersApi.User("u1", "alice", "alice@example.com", List.of("USER"), true,
			NOW);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UsersApi users;

	@Test
	void userListAndCreateFormRender() throws Exception {
		given(this.users.list(anyString(), anyInt(), anyInt()))
			.willReturn(new UsersApi.UserPage(List.of(ALICE), 0, 50, 1));
		this.mvc.perform(get("/users").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-list\"")))
			.andExpect(content().string(containsString("data-username=\"alice\"")))
			.andExpect(content().string(containsString("id=\"create-user\"")));
	}

	@Test
	void userDetailShowsThrottleConsentsAndAuthorizations() throws Exception {
		given(this.users.get("u1")).willReturn(ALICE);
		given(this.users.consents("u1"))
			.willReturn(List.of(new UsersApi.Consent("shop", "Shop", List.of("openid"), NOW)));
		given(this.users.authorizations("u1")).willReturn(List.of(new UsersApi.Authorization("a1", "shop", "Shop",
				"authorization_code", List.of("openid"), NOW, null, NOW.plusSeconds(3600))));
		given(this.users.throttle("alice"))
			.willReturn(List.of(new UsersApi.Throttle("user+ip:alice|203.0.113.7", 5, NOW, NOW.plusSeconds(900)),
					new UsersApi.Throttle("user:alice", 1, NOW, null)));
		this.mvc.perform(get("/users/u1").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unlock\"")))
			.andExpect(content().string(containsString("5 failed attempts from 203.0.113.7, blocked until")))
			.andExpect(content().string(containsString("Failed from 1 address<")))
			.andExpect(content().string(containsString("data-authorization-id=\"a1\"")))
			.andExpect(content().string(containsString("id=\"toggle-user-enabled\"")));
	}

}
