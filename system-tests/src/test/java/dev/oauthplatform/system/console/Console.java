package dev.oauthplatform.system.console;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.oauthplatform.system.support.Chromium;

/** What an admin does in the console, click by click (the pages' ids are admin-ui's contract). */
final class Console {

	private final WebDriver browser;

	private final String url;

	private String lastSecret = "";

	Console(WebDriver browser, String url) {
		this.browser = browser;
		this.url = url;
	}

	/** On auth-server's sign-in page, whatever it looks like: its username and password fields. */
	void signIn(String username, String password) {
		this.browser.findElement(By.cssSelector("input[name=username]")).sendKeys(username);
		WebElement passwordField = this.browser.findElement(By.cssSelector("input[name=password]"));
		passwordField.sendKeys(password);
		passwordField.submit();
	}

	void register(String type, String name, List<String> redirectUris) {
		register(type, name, redirectUris, true);
	}

	void register(String type, String name, List<String> redirectUris, boolean pkce) {
		register(type, name, redirectUris, List.of(), pkce);
	}

	void register(String type, String name, List<String> redirectUris, List<String> signOutReturnUris, boolean pkce) {
		go("nav-register");
		click("type-" + type);
		go("next");
		WebElement form = this.browser.findElement(By.id("register-form"));
		form.findElement(By.name("client_name")).sendKeys(name);
		if (!redirectUris.isEmpty()) {
			form.findElement(By.name("redirect_uris")).sendKeys(String.join("\n", redirectUris));
		}
		if (!signOutReturnUris.isEmpty()) {
			form.findElement(By.name("post_logout_redirect_uris")).sendKeys(String.join("\n", signOutReturnUris));
		}
		if (!pkce) {
			WebElement requirePkce = form.findElement(By.name("require_pkce"));
			if (requirePkce.isSelected()) {
				requirePkce.click();
			}
		}
		go("register");
		oneTimeSecret().ifPresent((secret) -> this.lastSecret = secret);
	}

	/** The wizard's second step for this type, nothing typed yet. */
	void openRegistrationForm(String type) {
		go("nav-register");
		click("type-" + type);
		go("next");
	}

	/**
	 * Registers a command-line tool or native app that signs its users in this way: the wizard's
	 * choice {@code device}, {@code password} (cli) or {@code browser} (native).
	 */
	void register(String type, String name, String signIn) {
		openRegistrationForm(type);
		click("sign-in-" + signIn);
		this.browser.findElement(By.id("register-form")).findElement(By.name("client_name")).sendKeys(name);
		go("register");
		oneTimeSecret().ifPresent((secret) -> this.lastSecret = secret);
	}

	/**
	 * Opens the wizard's form for this type and types redirect URIs without submitting; then waits
	 * until the page lists as many refused ones (the check asks auth-server as the admin types).
	 */
	List<WebElement> typeRedirectUris(String type, List<String> redirectUris, int refusedExpected) {
		go("nav-register");
		click("type-" + type);
		go("next");
		this.browser.findElement(By.name("redirect_uris")).sendKeys(String.join("\n", redirectUris));
		By refused = By.cssSelector("#redirect-uri-problems li[data-uri]");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((ignored) -> this.browser.findElements(refused).size() == refusedExpected);
		return this.browser.findElements(refused);
	}

	/** The browser's own verdict on the field: the form cannot be sent while it has a message. */
	String validationMessage(String name) {
		return this.browser.findElement(By.name(name)).getDomProperty("validationMessage");
	}

	/** The secret on the page just after registering or rotating, if the client has one. */
	Optional<String> oneTimeSecret() {
		List<WebElement> secret = this.browser.findElements(By.id("client-secret"));
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		String value = secret.get(0).getTagName().equals("input") ? secret.get(0).getAttribute("value")
				: secret.get(0).getText();
		this.lastSecret = value.strip();
		return Optional.of(this.lastSecret);
	}

	String lastSecret() {
		return this.lastSecret;
	}

	void openClient(String name) {
		go("nav-clients");
		press(this.browser.findElement(By.id("client-list")).findElement(By.linkText(name)));
	}

	/** On the page shown after registering: the new client's id. */
	String shownClientId() {
		String path = this.browser.getCurrentUrl().replaceAll(".*/clients/([^/]+)/created.*", "$1");
		return java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8);
	}

	void revokeAuthorizationOf(String username) {
		press(this.browser.findElement(By.cssSelector(
				"#client-authorization-list tr[data-username='" + username + "'] button")));
	}

	List<String> clientNames() {
		this.browser.get(this.url + "/clients");
		return this.browser.findElement(By.id("client-list"))
			.findElements(By.cssSelector("tr[data-client-id]"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	void rotateSecret(int graceSeconds) {
		new Select(this.browser.findElement(By.cssSelector("#rotate-form select[name=grace_period_seconds]")))
			.selectByValue(String.valueOf(graceSeconds));
		go("rotate");
		oneTimeSecret();
	}

	void disable() {
		go("toggle-enabled");
	}

	void delete() {
		go("delete");
		go("confirm-delete");
	}

	void createUser(String username, String password) {
		go("nav-users");
		WebElement form = this.browser.findElement(By.id("create-user-form"));
		form.findElement(By.name("username")).sendKeys(username);
		form.findElement(By.name("password")).sendKeys(password);
		go("create-user");
	}

	void disableUser(String username) {
		go("nav-users");
		press(userRow(username).findElement(By.linkText(username)));
		go("toggle-user-enabled");
	}

	WebElement userRow(String username) {
		this.browser.get(this.url + "/users");
		return this.browser.findElement(By.cssSelector("#user-list tr[data-username='" + username + "']"));
	}

	String state(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	/** Registers (or changes) a scope's description on the Scopes page. */
	void describeScope(String name, String description) {
		go("nav-scopes");
		this.browser.findElement(By.id("scope-name")).sendKeys(name);
		this.browser.findElement(By.id("scope-description")).sendKeys(description);
		go("save-scope");
	}

	/** The Activity page, filtered to one type of event. */
	void openActivity(String type) {
		go("nav-activity");
		new Select(this.browser.findElement(By.id("filter-type"))).selectByValue(type);
		go("filter-activity");
	}

	/** From a client's page to the Activity page filtered to that client. */
	void openClientActivity() {
		go("client-activity-more");
	}

	/**
	 * The rows of an events table, once one of them holds the text: auth-server writes its audit
	 * trail a moment after the fact, so the page is reloaded until then.
	 */
	List<String> eventsOnceOneShows(String tableId, String text) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((ignored) -> {
			if (events(tableId).stream().anyMatch((row) -> row.contains(text))) {
				return true;
			}
			this.browser.navigate().refresh();
			return false;
		});
		return events(tableId);
	}

	private List<String> events(String tableId) {
		return this.browser.findElement(By.id(tableId))
			.findElements(By.cssSelector("tr[data-type]"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Logs out of the console, and confirms on auth-server's page that it should sign out there too. */
	void signOut() {
		go("logout");
		go("confirm-sign-out");
	}

	/** A fix button of the security posture panel. */
	void fix(String rule) {
		press(this.browser.findElement(By.cssSelector("button[data-fix='" + rule + "']")));
	}

	/** Clicks something that stays on the page (a radio button). */
	private void click(String id) {
		this.browser.findElement(By.id(id)).click();
	}

	/** Clicks a link or button that loads another page, and waits until it has. */
	private void go(String id) {
		press(this.browser.findElement(By.id(id)));
	}

	private void press(WebElement element) {
		Chromium.press(this.browser, element);
	}

}
