package dev.oauthplatform.admin.scope;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.test.web.servlet.MockMvc;

import dev.oauthplatform.admin.api.AdminApiException;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The scopes page: the sentences the consent page shows, registered, changed and deleted through a stubbed admin API. */
@SpringBootTest(properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
@AutoConfigureMockMvc
class ScopePagesTests {

	static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	static final ScopesApi.Scope NOTES_READ = new ScopesApi.Scope("notes.read", "Read your notes", NOW, NOW);

	static final ScopesApi.Scope OPENID = new ScopesApi.Scope("openid", "Confirm who you are (your user id)", NOW,
			NOW);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ScopesApi scopes;

	@Test
	void theHeaderLeadsToTheScopes() throws Exception {
		given(this.scopes.list()).willReturn(List.of());
		this.mvc.perform(get("/scopes").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"/scopes\" id=\"nav-scopes\">Scopes</a>")))
			.andExpect(content().string(containsString("No scope registered.")));
	}

	@Test
	void eachScopeIsListedWithItsDescriptionBesideAnEmptyForm() throws Exception {
		given(this.scopes.list()).willReturn(List.of(NOTES_READ, OPENID));
		this.mvc.perform(get("/scopes").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"scope-list\"")))
			.andExpect(content().string(containsString("data-scope=\"notes.read\"")))
			.andExpect(content().string(containsString("<td>Read your notes</td>")))
			.andExpect(content().string(containsString("<td>Confirm who you are (your user id)</td>")))
			.andExpect(content().string(containsString("href=\"/scopes/delete?name=notes.read\"")))
			.andExpect(content().string(containsString("id=\"save-scope\"")))
			.andExpect(content().string(not(containsString("value=\"Read your notes\""))));
	}

	@Test
	void changeFillsTheFormWithThatScope() throws Exception {
		given(this.scopes.list()).willReturn(List.of(NOTES_READ, OPENID));
		this.mvc.perform(get("/scopes").param("name", "notes.read").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"notes.read\"")))
			.andExpect(content().string(containsString("value=\"Read your notes\"")));
	}

	@Test
	void savingANewScopeSaysItIsRegistered() throws Exception {
		ScopesApi.Scope invoices = new ScopesApi.Scope("invoices.read", "See your invoices", NOW, NOW);
		given(this.scopes.save("invoices.read", "See your invoices")).willReturn(new ScopesApi.Saved(invoices, true));
		this.mvc.perform(post("/scopes").param("name", " invoices.read ").param("description", "See your invoices")
			.with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/scopes"))
			.andExpect(flash().attribute("flashKind", "success"))
			.andExpect(flash().attribute("flashMessage",
					"Scope 'invoices.read' registered: the consent page says \"See your invoices\"."));
	}

	@Test
	void savingAKnownScopeSaysItIsChanged() throws Exception {
		given(this.scopes.save("notes.read", "Read your notes")).willReturn(new ScopesApi.Saved(NOTES_READ, false));
		this.mvc.perform(post("/scopes").param("name", "notes.read").param("description", "Read your notes")
			.with(oidcLogin()).with(csrf()))
			.andExpect(flash().attribute("flashMessage",
					"Scope 'notes.read' changed: the consent page says \"Read your notes\"."));
	}

	@Test
	void aRefusalIsShownAsAMessageAndTheFormKeepsWhatWasTyped() throws Exception {
		given(this.scopes.save("notes read", " ")).willThrow(new AdminApiException(400, "invalid_request",
				"A scope name must be an RFC 6749 scope token"));
		this.mvc.perform(post("/scopes").param("name", "notes read").param("description", " ")
			.with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/scopes"))
			.andExpect(flash().attribute("flashKind", "error"))
			.andExpect(flash().attribute("flashMessage", "A scope name must be an RFC 6749 scope token"))
			.andExpect(flash().attribute("form", Map.of("name", "notes read", "description", " ")));

		given(this.scopes.list()).willReturn(List.of());
		// as the redirect's flash map arrives (MockMvc's flashAttr puts it in the mock's own session,
		// which Spring Session's filter replaces by a stored one)
		this.mvc.perform(get("/scopes").with(oidcLogin())
			.requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.of("flashKind", "error", "flashMessage",
					"A scope name must be an RFC 6749 scope token", "form",
					Map.of("name", "notes read", "description", " "))))
			.andExpect(content().string(containsString("id=\"flash\"")))
			.andExpect(content().string(containsString("A scope name must be an RFC 6749 scope token")))
			.andExpect(content().string(containsString("value=\"notes read\"")));
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/scopes").param("name", "notes.read").param("description", "Read everything")
			.with(oidcLogin()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/scopes/delete").param("name", "notes.read").with(oidcLogin()))
			.andExpect(status().isForbidden());
		then(this.scopes).shouldHaveNoInteractions();
	}

	@Test
	void deleteAsksFirstAndSaysWhatStays() throws Exception {
		given(this.scopes.get("notes.read")).willReturn(NOTES_READ);
		this.mvc.perform(get("/scopes/delete").param("name", "notes.read").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Clients that use the scope keep it")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"name\" value=\"notes.read\">")))
			.andExpect(content().string(containsString("id=\"confirm-delete\"")))
			.andExpect(content().string(not(containsString("id=\"flash\""))));
		then(this.scopes).should(never()).delete(anyString());
	}

	@Test
	void confirmingDeletesAndGoesBackToTheList() throws Exception {
		this.mvc.perform(post("/scopes/delete").param("name", "notes.read").with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/scopes"))
			.andExpect(flash().attribute("flashKind", "success"))
			.andExpect(flash().attribute("flashMessage", containsString("Scope 'notes.read' deleted.")));
		then(this.scopes).should().delete("notes.read");
	}

	@Test
	void aScopeDeletedMeanwhileIsAMessageOnTheList() throws Exception {
		willThrow(new AdminApiException(404, "not_found", "Scope 'gone' does not exist"))
			.given(this.scopes).delete("gone");
		this.mvc.perform(post("/scopes/delete").param("name", "gone").with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/scopes"))
			.andExpect(flash().attribute("flashMessage", "Scope 'gone' does not exist"));
	}

	@Test
	void askingToDeleteAnUnknownScopeShowsTheErrorPageInWords() throws Exception {
		given(this.scopes.get("gone")).willThrow(new AdminApiException(404, "not_found", "Scope 'gone' does not exist"));
		this.mvc.perform(get("/scopes/delete").param("name", "gone").with(oidcLogin()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Scope &#39;gone&#39; does not exist")));
	}

}
