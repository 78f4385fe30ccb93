package dev.oauthplatform.admin.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.ResourceAccessException;

import dev.oauthplatform.admin.activity.ActivityRow;
import dev.oauthplatform.admin.activity.ClientActivity;
import dev.oauthplatform.admin.api.AdminApiException;
import dev.oauthplatform.admin.api.ServerMetadata;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The pages render (templates are only checked at run time) with the admin API answering from a stub. */
@SpringBootTest(properties = { "admin-ui.issuer=http://127.0.0.1:1", "admin-ui.client-secret=test-secret" })
@AutoConfigureMockMvc
class ClientPagesTests {

	static final ClientDetails LEGACY = new ClientDetails("legacy", null, 1_769_860_800L, "Legacy backend", "web",
			List.of("http://localhost:3000/cb"), List.of("authorization_code", "refresh_token"), "client_secret_basic",
			"openid", true, false, "jwt", 7200, 2_592_000, true, null, null, null, null, null, false, List.of(), List.of());

	static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientsApi clients;

	@MockitoBean
	ServerMetadata server;

	@MockitoBean
	ClientActivity activity;

	@BeforeEach
	void nothingRecordedYet() {
		given(this.activity.latest(anyString())).willReturn(new ClientActivity.Latest(List.of(), 0, null));
	}

	@Test
	void clientListShowsTypePartyAndRedirectUris() throws Exception {
		given(this.clients.list(anyString(), anyInt(), anyInt()))
			.willReturn(new ClientsApi.ClientPage(List.of(LEGACY), 0, 200, 1));
		this.mvc.perform(get("/clients").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"client-list\"")))
			.andExpect(content().string(containsString("http://localhost:3000/cb")))
			.andExpect(content().string(containsString("first party")))
			.andExpect(content().string(containsString("id=\"logout\"")));
	}

	@Test
	void detailShowsPostureWarningsWithFixButtons() throws Exception {
		given(this.clients.get("legacy")).willReturn(LEGACY);
		this.mvc.perform(get("/clients/legacy").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li class=\"warn\" data-rule=\"pkce\">")))
			.andExpect(content().string(containsString("data-fix=\"pkce\"")))
			.andExpect(content().string(containsString("data-rule=\"access-token-lifetime\"")))
			.andExpect(content().string(containsString("<li class=\"pass\" data-rule=\"exact-redirect-uris\">")));
	}

	@Test
	void wizardStepsRender() throws Exception {
		this.mvc.perform(get("/clients/new").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"client_type\" id=\"type-native\" value=\"native\"")));
		for (String type : List.of("web", "spa", "native", "m2m", "cli")) {
			this.mvc.perform(get("/clients/new").param("client_type", type).with(oidcLogin()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"client_name\"")));
		}
	}

	@Test
	void refusedRedirectUriIsShownBesideTheFieldInTheServersWordsAndNothingIsRegistered() throws Exception {
		given(this.clients.validate(any())).willReturn(refused("redirect_uris", "http://shop.example.com/cb",
				"Redirect URI 'http://shop.example.com/cb': http only for loopback hosts (localhost, 127.0.0.1, "
						+ "[::1]); use https"));
		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "web").param("client_name", "Shop")
			.param("redirect_uris", "http://shop.example.com/cb"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li data-uri=\"http://shop.example.com/cb\">Redirect URI "
					+ "&#39;http://shop.example.com/cb&#39;: http only for loopback hosts")))
			.andExpect(content().string(containsString("Some redirect URIs would be refused")));
		then(this.clients).should().validate(argThat((Map<String, Object> metadata) ->
				List.of("http://shop.example.com/cb").equals(metadata.get("redirect_uris"))
						&& "web".equals(metadata.get("client_type"))));
		then(this.clients).should(never()).register(any());
	}

	@Test
	void refusedSignOutReturnUriIsShownBesideItsOwnField() throws Exception {
		given(this.clients.validate(any())).willReturn(refused("post_logout_redirect_uris",
				"https://shop.example.com/*",
				"Redirect URI 'https://shop.example.com/*': wildcards not allowed: register each redirect URI exactly"));
		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "spa").param("client_name", "Shop")
			.param("redirect_uris", "https://shop.example.com/app/")
			.param("post_logout_redirect_uris", "https://shop.example.com/*"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li data-uri=\"https://shop.example.com/*\">Redirect URI "
					+ "&#39;https://shop.example.com/*&#39;: wildcards not allowed")));
		then(this.clients).should(never()).register(any());
	}

	@Test
	void whenAuthServerCannotBeAskedTheRegistrationItselfReportsTheRefusal() throws Exception {
		given(this.clients.validate(any())).willThrow(new ResourceAccessException("Connection refused"));
		given(this.clients.register(any())).willThrow(new AdminApiException(400, "invalid_redirect_uri",
				"Redirect URI 'http://shop.example.com/cb': http only for loopback hosts"));
		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "web").param("client_name", "Shop")
			.param("redirect_uris", "http://shop.example.com/cb"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"form-error\"")))
			.andExpect(content().string(containsString("http only for loopback hosts")));
	}

	@Test
	void theCheckAsTypedAnswersTheServersProblemsOfThatListOnly() throws Exception {
		given(this.clients.validate(any())).willReturn(new ClientsApi.Validation(false, List.of(
				new ClientsApi.Problem("redirect_uris", "https://*.example.com/cb", "invalid_redirect_uri",
						"Redirect URI 'https://*.example.com/cb': wildcards not allowed: register each redirect URI exactly"),
				new ClientsApi.Problem(null, null, "invalid_client_metadata", "client_name is required"))));
		this.mvc.perform(post("/checks/redirect-uris").with(oidcLogin()).with(csrf())
			.param("client_type", "web").param("field", "redirect_uris")
			.param("uris", "https://*.example.com/cb\n\nhttps://ok.example.com/cb"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checked").value(true))
			.andExpect(jsonPath("$.problems.length()").value(1))
			.andExpect(jsonPath("$.problems[0].value").value("https://*.example.com/cb"))
			.andExpect(jsonPath("$.problems[0].error_description")
				.value("Redirect URI 'https://*.example.com/cb': wildcards not allowed: register each redirect URI exactly"));
		then(this.clients).should().validate(argThat((Map<String, Object> metadata) ->
				List.of("https://*.example.com/cb", "https://ok.example.com/cb").equals(metadata.get("redirect_uris"))));
	}

	@Test
	void theCheckAsTypedSaysNothingWhenAuthServerCannotBeAsked() throws Exception {
		given(this.clients.validate(any())).willThrow(new ResourceAccessException("Connection refused"));
		this.mvc.perform(post("/checks/redirect-uris").with(oidcLogin()).with(csrf())
			.param("client_type", "native").param("field", "post_logout_redirect_uris").param("uris", "myapp:/bye"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checked").value(false))
			.andExpect(jsonPath("$.problems.length()").value(0));
	}

	@Test
	void theCheckAsTypedNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/checks/redirect-uris").with(oidcLogin())
			.param("client_type", "web").param("uris", "https://a.example/cb"))
			.andExpect(status().isForbidden());
		then(this.clients).shouldHaveNoInteractions();
	}

	@Test
	void aConfidentialToolIsRegisteredWithTheSecretMethodTheServerAnnounces() throws Exception {
		given(this.server.tokenEndpointAuthMethodsSupported())
			.willReturn(Optional.of(List.of("client_secret_basic", "client_secret_post", "none")));
		given(this.clients.register(any())).willReturn(new ClientDetails("tool", "s3cr3t", 1L, "Tool", "cli",
				List.of(), List.of("password"), "client_secret_basic", "", false, true, "jwt", 900, 3600, true, null,
				null, null, null, null));
		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "cli").param("client_name", "Tool").param("confidential", "true"))
			.andExpect(redirectedUrl("/clients/tool/created"));
		then(this.clients).should().register(argThat((Map<String, Object> metadata) ->
				"client_secret_basic".equals(metadata.get("token_endpoint_auth_method"))));
	}

	@Test
	void aConfidentialToolIsNotRegisteredPublicWhenDiscoveryCannotBeRead() throws Exception {
		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "cli").param("client_name", "Tool").param("confidential", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("discovery document could not be read")));
		then(this.clients).should(never()).register(any());
	}

	@Test
	void theToolFormOffersTheDeviceGrantFirstWhenTheServerAnnouncesIt() throws Exception {
		this.mvc.perform(get("/clients/new").param("client_type", "cli").with(oidcLogin()))
			.andExpect(content().string(not(containsString("id=\"sign-in-device\""))))
			.andExpect(content().string(containsString("offer the device grant, so this tool will use the password grant")));
		given(this.server.grantTypesSupported()).willReturn(Optional.of(List.of("password", DEVICE_CODE)));
		this.mvc.perform(get("/clients/new").param("client_type", "cli").with(oidcLogin()))
			.andExpect(content().string(containsString("Sign-in in a browser (device code, recommended)")))
			.andExpect(content().string(containsString(
					"name=\"sign_in\" id=\"sign-in-device\" value=\"device\" checked=\"checked\"")))
			.andExpect(content().string(containsString("Password grant (legacy)")));
		this.mvc.perform(get("/clients/new").param("client_type", "native").with(oidcLogin()))
			.andExpect(content().string(containsString("Device without a browser (TV, console): device code")))
			.andExpect(content().string(containsString(
					"name=\"sign_in\" id=\"sign-in-browser\" value=\"browser\" checked=\"checked\"")));
	}

	@Test
	void aToolThatSignsInWithADeviceCodeIsRegisteredForTheDeviceGrantAndShowsIt() throws Exception {
		given(this.server.tokenEndpointAuthMethodsSupported())
			.willReturn(Optional.of(List.of("client_secret_basic", "client_secret_post", "none")));
		given(this.server.grantTypesSupported()).willReturn(Optional.of(List.of("password", DEVICE_CODE)));
		ClientDetails tool = new ClientDetails("tool", null, 1L, "Tool", "cli", List.of(),
				List.of(DEVICE_CODE, "refresh_token"), "none", "notes.read", false, true, "jwt", 900, 3600, true, null,
				null, null, null, null);
		given(this.clients.register(any())).willReturn(tool);
		given(this.clients.get("tool")).willReturn(tool);

		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "cli").param("client_name", "Tool").param("scope", "notes.read")
			.param("sign_in", "device"))
			.andExpect(redirectedUrl("/clients/tool/created"));

		then(this.clients).should().register(argThat((Map<String, Object> metadata) ->
				List.of(DEVICE_CODE, "refresh_token").equals(metadata.get("grant_types"))
						&& "none".equals(metadata.get("token_endpoint_auth_method"))
						&& !metadata.containsKey("redirect_uris")));
		this.mvc.perform(get("/clients/tool").with(oidcLogin()))
			.andExpect(content().string(containsString("id=\"grant-types\">device_code (RFC 8628), refresh_token<")))
			.andExpect(content().string(not(containsString("data-rule=\"password-grant\""))));
	}

	@Test
	void aNativeAppOnATvIsRegisteredForTheDeviceGrantWithoutRedirectUris() throws Exception {
		given(this.server.grantTypesSupported()).willReturn(Optional.of(List.of("authorization_code", DEVICE_CODE)));
		given(this.clients.register(any())).willReturn(new ClientDetails("tv", null, 1L, "TV", "native", List.of(),
				List.of(DEVICE_CODE, "refresh_token"), "none", "", false, true, "jwt", 900, 3600, true, null, null,
				null, null, null));

		this.mvc.perform(post("/clients/new").with(oidcLogin()).with(csrf())
			.param("client_type", "native").param("client_name", "TV").param("sign_in", "device")
			.param("redirect_uris", "com.example.tv:/typed-before-choosing"))
			.andExpect(redirectedUrl("/clients/tv/created"));

		then(this.clients).should().register(argThat((Map<String, Object> metadata) ->
				List.of(DEVICE_CODE, "refresh_token").equals(metadata.get("grant_types"))
						&& !metadata.containsKey("redirect_uris")));
	}

	@Test
	void thePasswordGrantAdviceFollowsWhatTheServerAnnounces() throws Exception {
		ClientDetails tool = new ClientDetails("tool", null, 1L, "Tool", "cli", List.of(),
				List.of("password", "refresh_token"), "none", "", false, true, "jwt", 900, 3600, true, null, null, null,
				null, null);
		given(this.clients.get("tool")).willReturn(tool);
		this.mvc.perform(get("/clients/tool").with(oidcLogin()))
			.andExpect(content().string(containsString("(RFC 8628) when auth-server offers it.")));
		given(this.server.grantTypesSupported()).willReturn(Optional.of(List.of("authorization_code", "password",
				"urn:ietf:params:oauth:grant-type:device_code")));
		this.mvc.perform(get("/clients/tool").with(oidcLogin()))
			.andExpect(content().string(containsString("(RFC 8628), which auth-server offers.")));
	}

	private static ClientsApi.Validation refused(String field, String uri, String description) {
		return new ClientsApi.Validation(false,
				List.of(new ClientsApi.Problem(field, uri, "invalid_redirect_uri", description)));
	}

	@Test
	void theEditFormSendsTheSignOutReturnUris() throws Exception {
		given(this.clients.get("legacy")).willReturn(LEGACY);
		this.mvc.perform(get("/clients/legacy").with(oidcLogin()))
			.andExpect(content().string(containsString("name=\"post_logout_redirect_uris\"")));

		this.mvc.perform(post("/clients/legacy").with(oidcLogin()).with(csrf())
			.param("client_name", "Legacy backend").param("redirect_uris", "http://localhost:3000/cb")
			.param("post_logout_redirect_uris", "http://localhost:3000/bye\n").param("access_token_ttl", "900"))
			.andExpect(redirectedUrl("/clients/legacy"));

		then(this.clients).should().change(eq("legacy"), argThat((Map<String, Object> changes) ->
				List.of("http://localhost:3000/bye").equals(changes.get("post_logout_redirect_uris"))));
	}

	@Test
	void detailShowsWhetherTheClientIsAResourceServerAndTheEditFormSetsIt() throws Exception {
		ClientDetails api = new ClientDetails("notes-api", null, 1L, "Notes API", "m2m", List.of(),
				List.of("client_credentials"), "client_secret_basic", "", true, true, "jwt", 900, 3600, true, null,
				null, null, null, null, true, List.of("https://notes.example.test"), List.of());
		given(this.clients.get("notes-api")).willReturn(api);
		this.mvc.perform(get("/clients/notes-api").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"resource-server\">resource server: may introspect tokens of any client<")))
			.andExpect(content().string(containsString("id=\"audience-list\">https://notes.example.test<")))
			.andExpect(content().string(containsString("name=\"resource_server\" value=\"true\" checked")));

		this.mvc.perform(post("/clients/notes-api").with(oidcLogin()).with(csrf())
			.param("client_name", "Notes API").param("access_token_ttl", "900")
			.param("audiences", "https://notes.example.test\nhttps://api.example.test"))
			.andExpect(redirectedUrl("/clients/notes-api"));

		then(this.clients).should().change(eq("notes-api"), argThat((Map<String, Object> changes) ->
				Boolean.FALSE.equals(changes.get("resource_server")) && List.of("https://notes.example.test",
						"https://api.example.test").equals(changes.get("audiences"))));
	}

	@Test
	void aPublicClientOffersNoResourceServerSetting() throws Exception {
		ClientDetails spa = new ClientDetails("spa", null, 1L, "SPA", "spa", List.of("https://a.example/app/"),
				List.of("authorization_code"), "none", "", false, true, "jwt", 900, 3600, true, null, null, null, null,
				null, false, List.of(), List.of());
		given(this.clients.get("spa")).willReturn(spa);
		this.mvc.perform(get("/clients/spa").with(oidcLogin()))
			.andExpect(content().string(containsString("id=\"resource-server\">its own tokens only<")))
			.andExpect(content().string(not(containsString("name=\"resource_server\""))));
	}

	@Test
	void aSpaShowsItsBrowserOriginsAndTheEditFormSendsThem() throws Exception {
		ClientDetails spa = new ClientDetails("shop-spa", null, 1_769_860_800L, "Shop", "spa",
				List.of("https://shop.example.com/cb"), List.of("authorization_code", "refresh_token"), "none",
				"openid", true, true, "jwt", 900, 3600, true, null, null, null, null, null, null, null,
				List.of("https://m.shop.example.com"));
		given(this.clients.get("shop-spa")).willReturn(spa);
		this.mvc.perform(get("/clients/shop-spa").with(oidcLogin()))
			.andExpect(content().string(containsString(
					"id=\"allowed-cors-origins\">those of the redirect URIs, and https://m.shop.example.com<")))
			.andExpect(content().string(containsString("name=\"allowed_cors_origins\"")));

		this.mvc.perform(post("/clients/shop-spa").with(oidcLogin()).with(csrf())
			.param("client_name", "Shop").param("redirect_uris", "https://shop.example.com/cb")
			.param("allowed_cors_origins", "https://m.shop.example.com\n\nhttp://localhost:5173 \n")
			.param("access_token_ttl", "900"))
			.andExpect(redirectedUrl("/clients/shop-spa"));

		then(this.clients).should().change(eq("shop-spa"), argThat((Map<String, Object> changes) -> List
			.of("https://m.shop.example.com", "http://localhost:5173").equals(changes.get("allowed_cors_origins"))));
	}

	@Test
	void aBackendHasNoBrowserOrigins() throws Exception {
		given(this.clients.get("legacy")).willReturn(LEGACY);
		this.mvc.perform(get("/clients/legacy").with(oidcLogin()))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("allowed_cors_origins"))));
	}

	@Test
	void secretIsShownOnceAfterRegistration() throws Exception {
		ClientDetails created = new ClientDetails("shop", "s3cr3t-value", 1L, "Shop", "web",
				List.of("https://shop.example.com/cb"), List.of("authorization_code"), "client_secret_basic", "",
				false, true, "jwt", 900, 3600, true, null, null, null, null, null, false, List.of(), List.of());
		given(this.clients.register(any())).willReturn(created);
		// as the redirect's flash map arrives (MockMvc's flashAttr puts it in the mock's own session,
		// which Spring Session's filter replaces by a stored one)
		this.mvc.perform(get("/clients/shop/created").with(oidcLogin())
			.requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.of("created", created)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"client-secret\">s3cr3t-value<")));
		this.mvc.perform(get("/clients/shop/created").with(oidcLogin()))
			.andExpect(redirectedUrl("/clients/shop"));
	}

	@Test
	void apiRefusalOfAFormBecomesAMessage() throws Exception {
		given(this.clients.change(anyString(), any(Map.class)))
			.willThrow(new AdminApiException(400, "invalid_client_metadata", "m2m clients may use only client_credentials"));
		this.mvc.perform(post("/clients/legacy/enabled").param("enabled", "false").with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/clients/legacy"))
			.andExpect(flash().attribute("flashMessage", "m2m clients may use only client_credentials"));
	}

	@Test
	void unknownClientShowsTheErrorPageInWords() throws Exception {
		given(this.clients.get("gone")).willThrow(new AdminApiException(404, "not_found", "Client 'gone' does not exist"));
		this.mvc.perform(get("/clients/gone").with(oidcLogin()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Client &#39;gone&#39; does not exist")));
	}

	@Test
	void revokedSignInEndsTheSession() throws Exception {
		given(this.clients.get("legacy")).willThrow(new AdminApiException(401, "invalid_token", "revoked"));
		this.mvc.perform(get("/clients/legacy").with(oidcLogin())).andExpect(redirectedUrl("/signed-out"));
	}

	@Test
	void detailShowsTheClientsLatestActivityAndLeadsToTheRest() throws Exception {
		given(this.clients.get("legacy")).willReturn(LEGACY);
		given(this.activity.latest("legacy")).willReturn(new ClientActivity.Latest(List.of(new ActivityRow(
				Instant.parse("2026-01-31T12:00:00Z"), "client.secret.rotated", "Client secret rotated", "admin",
				"203.0.113.7", "success", List.of("client_id: legacy", "grace_period_seconds: 3600"))), 35, null));
		this.mvc.perform(get("/clients/legacy").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"client-activity-list\"")))
			.andExpect(content().string(containsString("<td>Client secret rotated</td>")))
			.andExpect(content().string(containsString("<li>grace_period_seconds: 3600</li>")))
			.andExpect(content().string(containsString(
					"<a id=\"client-activity-more\" href=\"/activity?client_id=legacy\">All 35 events of this client</a>")));
	}

	@Test
	void activityThatCannotBeReadIsSaidInItsSectionAndTheRestOfThePageShows() throws Exception {
		given(this.clients.get("legacy")).willReturn(LEGACY);
		given(this.activity.latest("legacy")).willReturn(new ClientActivity.Latest(List.of(), 0,
				"The authorization server could not be reached; try again in a moment."));
		this.mvc.perform(get("/clients/legacy").with(oidcLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"client-activity-problem\"")))
			.andExpect(content().string(containsString("The activity could not be read: The authorization server could not be reached")))
			.andExpect(content().string(not(containsString("id=\"client-activity-list\""))))
			.andExpect(content().string(containsString("id=\"posture\"")));
	}

}
