package dev.oauthplatform.admin.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.oauthplatform.admin.api.AdminApiException;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Activity page: auth-server's audit trail, filtered and paged through a stubbed admin API. */
@SpringBootTest(properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
@AutoConfigureMockMvc
class ActivityPagesTests {

	static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	static final ActivityApi.Event FAILED_SIGN_IN = new ActivityApi.Event("e1", NOW, "user.sign_in.failed", "alice",
			"203.0.113.7", "failure", Map.of("username", "alice", "client_id", "shop"));

	static final ActivityApi.Event KEY_ROTATED = new ActivityApi.Event("e2", NOW.minusSeconds(60), "key.rotated",
			null, null, "success", Map.of("kid", "k-2026"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ActivityApi api;

	@Test
	void theHeaderLeadsToTheActivityAndEachEventIsShownInWords() throws Exception {
		given(this.api.find(any())).willReturn(page(0, 2, FAILED_SIGN_IN, KEY_ROTATED));
		this.mvc.perform(get("/activity").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"/activity\" id=\"nav-activity\">Activity</a>")))
			.andExpect(content().string(containsString("<tr data-type=\"user.sign_in.failed\">")))
			.andExpect(content().string(containsString("<td class=\"nowrap\">2026-01-31 12:00:00</td>")))
			.andExpect(content().string(containsString("<td>Sign-in failed</td>")))
			.andExpect(content().string(containsString("<td class=\"mono\">203.0.113.7</td>")))
			.andExpect(content().string(containsString("<td class=\"warn-text\">failure</td>")))
			.andExpect(content().string(containsString("<li>client_id: shop</li><li>username: alice</li>")))
			.andExpect(content().string(containsString("<td>Signing key rotated</td>")))
			.andExpect(content().string(containsString("<li>kid: k-2026</li>")))
			.andExpect(content().string(containsString("2 events")))
			.andExpect(content().string(not(containsString("id=\"next-page\""))))
			.andExpect(content().string(not(containsString("id=\"previous-page\""))));
		then(this.api).should().find(new ActivityApi.Query("", "", "", null, 0, ActivityController.PAGE_SIZE));
	}

	@Test
	void theFiltersArePassedToTheApiAndStayInTheForm() throws Exception {
		given(this.api.find(any())).willReturn(page(0, 1, FAILED_SIGN_IN));
		this.mvc.perform(get("/activity").param("type", "user.sign_in.failed").param("actor", " alice ")
			.param("since", "2026-01-31").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"user.sign_in.failed\" selected=\"selected\">Sign-in failed</option>")))
			.andExpect(content().string(containsString("<option value=\"device.approved\">Device approved</option>")))
			.andExpect(content().string(containsString("id=\"filter-actor\" value=\"alice\"")))
			.andExpect(content().string(containsString("id=\"filter-since\" value=\"2026-01-31\"")));
		then(this.api).should().find(new ActivityApi.Query("user.sign_in.failed", "alice", "",
				Instant.parse("2026-01-31T00:00:00Z"), 0, ActivityController.PAGE_SIZE));
	}

	@Test
	void aDayThatIsNotADayIsSaidAndNotSent() throws Exception {
		given(this.api.find(any())).willReturn(page(0, 0));
		this.mvc.perform(get("/activity").param("since", "yesterday").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;yesterday&#39; is not a day such as 2026-01-31")))
			.andExpect(content().string(containsString("No event matches.")));
		then(this.api).should().find(new ActivityApi.Query("", "", "", null, 0, ActivityController.PAGE_SIZE));
	}

	@Test
	void pagesLinkToTheirNeighboursWithTheSameFilters() throws Exception {
		given(this.api.find(any())).willReturn(page(1, 120, FAILED_SIGN_IN));
		this.mvc.perform(get("/activity").param("actor", "a+b@example.com").param("page", "1").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"previous-page\" href=\"/activity?actor=a%2Bb%40example.com\"")))
			.andExpect(content().string(containsString("id=\"next-page\" href=\"/activity?actor=a%2Bb%40example.com&amp;page=2\"")))
			.andExpect(content().string(containsString("120 events")));
		then(this.api).should().find(new ActivityApi.Query("", "a+b@example.com", "", null, 1,
				ActivityController.PAGE_SIZE));
	}

	@Test
	void theLastPageHasNoNextLink() throws Exception {
		given(this.api.find(any())).willReturn(page(2, 120, FAILED_SIGN_IN));
		this.mvc.perform(get("/activity").param("page", "2").with(oidcLogin()))
			.andExpect(content().string(containsString("id=\"previous-page\" href=\"/activity?page=1\"")))
			.andExpect(content().string(not(containsString("id=\"next-page\""))));
	}

	@Test
	void oneClientsActivityNamesTheClientAndKeepsItWhenFiltering() throws Exception {
		given(this.api.find(any())).willReturn(page(0, 1, FAILED_SIGN_IN));
		this.mvc.perform(get("/activity").param("client_id", "shop").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"client_id\" value=\"shop\">")))
			.andExpect(content().string(containsString("href=\"/clients/shop\">shop</a>")));
		then(this.api).should().find(new ActivityApi.Query("", "", "shop", null, 0, ActivityController.PAGE_SIZE));
	}

	@Test
	void aRefusalIsShownInTheServersWords() throws Exception {
		given(this.api.find(any())).willThrow(new AdminApiException(403, "insufficient_scope",
				"Your account does not hold the ADMIN role, or the sign-in lacks the admin scope."));
		this.mvc.perform(get("/activity").with(oidcLogin()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Not allowed")))
			.andExpect(content().string(containsString("does not hold the ADMIN role")));
	}

	@Test
	void aServerFailureIsShownAsAnOutageNotAStackTrace() throws Exception {
		given(this.api.find(any())).willThrow(new AdminApiException(503, "server_error",
				"The authorization server answered with status 503."));
		this.mvc.perform(get("/activity").with(oidcLogin()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("The authorization server may be down or unreachable")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void aSignInAuthServerNoLongerAcceptsEndsTheSession() throws Exception {
		given(this.api.find(any())).willThrow(new AdminApiException(401, "invalid_token", "revoked"));
		this.mvc.perform(get("/activity").with(oidcLogin())).andExpect(redirectedUrl("/signed-out"));
	}

	private static ActivityApi.EventPage page(int page, long total, ActivityApi.Event... events) {
		return new ActivityApi.EventPage(List.of(events), page, ActivityController.PAGE_SIZE, total);
	}

}
