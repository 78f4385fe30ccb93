package dev.oauthplatform.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.oauthplatform.system.support.Browser;
import dev.oauthplatform.system.support.OauthctlProcess;
import dev.oauthplatform.system.support.OauthctlProcess.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** oauthctl (cli/), run as a user runs it, against the running platform. */
class OauthctlTest extends PlatformTest {

	private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

	private static final Pattern USER_CODE = Pattern.compile("shows the code (\\S+?)\\.?\\n");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temporary;

	@Test
	void aUserLogsInWithThePasswordOnStdinAndGetsATokenTheApiAccepts() {
		String clientId = passwordClient();
		String username = admin.createUser(PASSWORD);
		OauthctlProcess oauthctl = oauthctl();

		Result login = oauthctl.run(PASSWORD + "\n", "login", "--issuer", platform.authServer(), "--client-id",
				clientId, "--password", "--username", username, "--password-stdin");
		Result token = oauthctl.run("", "token");

		assertThat(login.exitCode()).as(login.toString()).isZero();
		assertThat(login.stdout()).contains("Logged in to " + platform.authServer()).contains(username);
		assertThat(token.exitCode()).as(token.toString()).isZero();
		resourceApi(token.stdout().strip()).get("/api/me").then().statusCode(200).body("username", equalTo(username));
	}

	@Test
	void statusListsTheLoginWithItsUserAndRefreshToken() {
		String clientId = passwordClient();
		String username = admin.createUser(PASSWORD);
		OauthctlProcess oauthctl = loggedIn(clientId, username);

		Result status = oauthctl.run("", "status");

		assertThat(status.exitCode()).isZero();
		assertThat(status.stdout().lines().toList()).singleElement()
			.asString()
			.contains(platform.authServer(), "client=" + clientId, "user=" + username, "refresh_token=yes");
	}

	@Test
	void anExpiredAccessTokenIsRefreshedAndTheRotatedRefreshTokenKept() throws IOException {
		String clientId = passwordClient();
		OauthctlProcess oauthctl = loggedIn(clientId, admin.createUser(PASSWORD));
		Map<String, Object> before = entry(oauthctl);
		expire(oauthctl);

		Result token = oauthctl.run("", "token");

		assertThat(token.exitCode()).as(token.toString()).isZero();
		assertThat(token.stdout().strip()).isNotEqualTo(before.get("access_token"));
		assertThat(entry(oauthctl).get("refresh_token")).isNotNull().isNotEqualTo(before.get("refresh_token"));
		resourceApi(token.stdout().strip()).get("/api/me").then().statusCode(200);
	}

	@Test
	void twoTokenCallsAtOnceAfterExpiryRefreshOnceAndPrintTheSameToken() throws IOException {
		// the server rotates refresh tokens and revokes the session when one is used twice:
		// two refreshes would end in an error, or in a token already revoked
		OauthctlProcess oauthctl = loggedIn(passwordClient(), admin.createUser(PASSWORD));
		expire(oauthctl);

		CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> oauthctl.run("", "token"));
		CompletableFuture<Result> second = CompletableFuture.supplyAsync(() -> oauthctl.run("", "token"));

		assertThat(first.join().exitCode()).as(first.join().toString()).isZero();
		assertThat(second.join().exitCode()).as(second.join().toString()).isZero();
		assertThat(first.join().stdout()).isEqualTo(second.join().stdout());
		resourceApi(first.join().stdout().strip()).get("/api/me").then().statusCode(200);
		Result later = oauthctl.run("", "token");
		assertThat(later.stdout()).isEqualTo(first.join().stdout());
	}

	@Test
	void logoutRevokesTheSessionAtTheServerAndForgetsIt() throws IOException {
		String clientId = passwordClient();
		OauthctlProcess oauthctl = loggedIn(clientId, admin.createUser(PASSWORD));
		String refreshToken = (String) entry(oauthctl).get("refresh_token");

		Result logout = oauthctl.run("", "logout");

		assertThat(logout.exitCode()).as(logout.toString()).isZero();
		assertThat(entries(oauthctl)).isEmpty();
		authServer().formParam("grant_type", "refresh_token")
			.formParam("client_id", clientId)
			.formParam("refresh_token", refreshToken)
			.post("/oauth2/token")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_grant"));
		assertThat(oauthctl.run("", "token").exitCode()).isNotZero();
	}

	@Test
	void aSessionRevokedAtTheServerIsForgottenAndTheUserToldToLogInAgain() throws IOException {
		String clientId = passwordClient();
		OauthctlProcess oauthctl = loggedIn(clientId, admin.createUser(PASSWORD));
		authServer().formParam("client_id", clientId)
			.formParam("token", (String) entry(oauthctl).get("refresh_token"))
			.post("/oauth2/revoke")
			.then()
			.statusCode(200);
		expire(oauthctl);

		Result token = oauthctl.run("", "token");

		assertThat(token.exitCode()).isNotZero();
		assertThat(token.stdout()).isEmpty();
		assertThat(token.stderr()).isEqualTo(
				"oauthctl: The session was revoked or expired: run oauthctl login again\n");
		assertThat(entries(oauthctl)).isEmpty();
	}

	@Test
	void theTokenFolderIsTheOwnersAloneAndSoIsEveryFileInIt() throws IOException {
		OauthctlProcess oauthctl = loggedIn(passwordClient(), admin.createUser(PASSWORD));
		oauthctl.run("", "token");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(oauthctl.home())))
			.isEqualTo("rwx------");
		try (Stream<Path> files = Files.list(oauthctl.home())) {
			assertThat(files.toList()).isNotEmpty()
				.allSatisfy((file) -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
					.as(file.toString())
					.isEqualTo("rw-------"));
		}
	}

	@Test
	void curlCallsTheApiWithTheTokenAndPassesCurlsExitCodeOn() {
		String username = admin.createUser(PASSWORD);
		OauthctlProcess oauthctl = loggedIn(passwordClient(), username);

		Result me = oauthctl.run("", "curl", platform.resourceApi() + "/api/me", "-s");
		Result missing = oauthctl.run("", "curl", platform.resourceApi() + "/api/no-such-thing", "-s", "-f");

		assertThat(me.exitCode()).as(me.toString()).isZero();
		assertThat(me.stdout()).contains("\"username\":\"" + username + "\"");
		assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(22);
	}

	@Test
	void anUnreachableIssuerIsOneClearLine() {
		String nobody = "http://localhost:" + freePort();

		Result login = oauthctl().run("", "login", "--issuer", nobody, "--client-id", "any", "--device");

		assertThat(login.exitCode()).isNotZero();
		assertThat(login.stderr()).isEqualTo("oauthctl: Cannot reach " + nobody + ": connection refused\n");
	}

	@Test
	void aTokenWhenNotLoggedInIsRefusedWithWhatToRun() {
		Result token = oauthctl().run("", "token");

		assertThat(token.exitCode()).isNotZero();
		assertThat(token.stdout()).isEmpty();
		assertThat(token.stderr()).startsWith("oauthctl: Not logged in").contains("oauthctl login");
	}

	@Test
	void aDeviceLoginIsApprovedInTheBrowserAndItsTokenWorks() {
		String clientId = deviceClient();
		String username = admin.createUser(PASSWORD);
		OauthctlProcess oauthctl = oauthctl();

		OauthctlProcess.Running login = oauthctl.start("", "login", "--issuer", platform.authServer(), "--client-id",
				clientId, "--device", "--no-browser");
		decideInTheBrowser(login.awaitOnStderr(USER_CODE), "approve", username);
		Result result = login.finish();
		Result token = oauthctl.run("", "token");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.stderr()).contains(platform.authServer() + "/activate");
		assertThat(result.stdout()).contains("Logged in to " + platform.authServer());
		resourceApi(token.stdout().strip()).get("/api/me").then().statusCode(200).body("username", equalTo(username));
	}

	@Test
	void aDeviceLoginDeniedInTheBrowserFailsAndStoresNothing() throws IOException {
		String clientId = deviceClient();
		String username = admin.createUser(PASSWORD);
		OauthctlProcess oauthctl = oauthctl();

		OauthctlProcess.Running login = oauthctl.start("", "login", "--issuer", platform.authServer(), "--client-id",
				clientId, "--device", "--no-browser");
		decideInTheBrowser(login.awaitOnStderr(USER_CODE), "deny", username);
		Result result = login.finish();

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).endsWith("oauthctl: The request was denied in the browser\n");
		assertThat(entries(oauthctl)).isEmpty();
	}

	private OauthctlProcess oauthctl() {
		// a folder oauthctl creates itself, so that its mode is oauthctl's doing
		return new OauthctlProcess(this.temporary.resolve("oauthctl"));
	}

	private OauthctlProcess loggedIn(String clientId, String username) {
		OauthctlProcess oauthctl = oauthctl();
		Result login = oauthctl.run(PASSWORD + "\n", "login", "--issuer", platform.authServer(), "--client-id",
				clientId, "--password", "--username", username, "--password-stdin");
		assertThat(login.exitCode()).as(login.toString()).isZero();
		return oauthctl;
	}

	private static String passwordClient() {
		return admin.register(Map.of("client_name", "oauthctl", "client_type", "cli", "scope",
				"notes.read notes.write")).getString("client_id");
	}

	private static String deviceClient() {
		return admin.register(Map.of("client_name", "oauthctl (device)", "client_type", "cli", "scope",
				"notes.read notes.write", "grant_types", List.of(DEVICE_CODE_GRANT, "refresh_token")))
			.getString("client_id");
	}

	/**
	 * What the person does on the page oauthctl printed: signs in, sees the code, approves or
	 * denies (auth-server's /activate: a form with _csrf, user_code and a decision button).
	 */
	private static void decideInTheBrowser(String userCode, String decision, String username) {
		Browser browser = new Browser(platform.authServer());
		Response page = confirmationPage(browser, userCode, username);
		FormElement form = (FormElement) Jsoup.parse(page.asString(), platform.authServer())
			.select("form")
			.stream()
			.filter((candidate) -> candidate.attr("action").endsWith("/activate"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form to /activate on: " + page.asString()));
		var submit = browser.request().contentType("application/x-www-form-urlencoded");
		for (Element input : form.select("input[type=hidden]")) {
			submit.formParam(input.attr("name"), input.val());
		}
		Response decided = submit.formParam("decision", decision).post(platform.authServer() + "/activate");
		assertThat(decided.statusCode()).as(decided.asString()).isEqualTo(302);
		assertThat(decided.header("Location")).contains("/activate/done");
	}

	/** The page that shows the code, after signing in when sent to the sign-in form. */
	private static Response confirmationPage(Browser browser, String userCode, String username) {
		Response page = browser.get("/activate?user_code=" + userCode);
		for (int step = 0; step < 6 && page.statusCode() == 302; step++) {
			page = browser.get(page.header("Location"));
		}
		if (Jsoup.parse(page.asString()).selectFirst("input[type=password]") != null) {
			page = signIn(browser, page, username);
		}
		// the code entry, filled in from the link: the look-up is the form's POST
		return submitCodeForm(browser, page);
	}

	private static Response submitCodeForm(Browser browser, Response entryPage) {
		FormElement form = (FormElement) Jsoup.parse(entryPage.asString(), platform.authServer())
			.getElementById("code-form");
		assertThat(form).as(entryPage.asString()).isNotNull();
		var submit = browser.request().contentType("application/x-www-form-urlencoded");
		form.formData().forEach((field) -> submit.formParam(field.key(), field.value()));
		return submit.post(form.absUrl("action"));
	}

	private static Response signIn(Browser browser, Response loginPage, String username) {
		FormElement form = (FormElement) Jsoup.parse(loginPage.asString(), platform.authServer())
			.selectFirst("input[type=password]")
			.closest("form");
		var submit = browser.request().contentType("application/x-www-form-urlencoded");
		form.formData()
			.stream()
			.filter((field) -> !field.key().equals("username") && !field.key().equals("password"))
			.forEach((field) -> submit.formParam(field.key(), field.value()));
		Response page = submit.formParam("username", username)
			.formParam("password", PASSWORD)
			.post(form.absUrl("action"));
		for (int step = 0; step < 6 && page.statusCode() == 302; step++) {
			page = browser.get(page.header("Location"));
		}
		return page;
	}

	/** What oauthctl reads to decide whether to refresh: set in the past, as an hour's wait would. */
	private static void expire(OauthctlProcess oauthctl) throws IOException {
		Path file = entries(oauthctl).get(0);
		Map<String, Object> entry = JSON.readValue(Files.readString(file), Map.class);
		entry.put("expires_at", 1_000_000_000L);
		Files.writeString(file, JSON.writeValueAsString(entry));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entry(OauthctlProcess oauthctl) throws IOException {
		return JSON.readValue(Files.readString(entries(oauthctl).get(0)), Map.class);
	}

	private static List<Path> entries(OauthctlProcess oauthctl) throws IOException {
		if (!Files.isDirectory(oauthctl.home())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(oauthctl.home())) {
			return files.filter((file) -> file.toString().endsWith(".json")).toList();
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
