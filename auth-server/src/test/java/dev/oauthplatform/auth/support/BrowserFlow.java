package dev.oauthplatform.auth.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.springframework.web.util.UriComponentsBuilder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's browser in the code flow: follows redirects by hand, keeps cookies, fills in the sign-in
 * form (CSRF field included) and the consent form, and stops at the client's redirect URI.
 */
public final class BrowserFlow {

	private static final Pattern HIDDEN_INPUT = Pattern
		.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"([^\"]+)\"");

	private final CookieFilter cookies = new CookieFilter();

	private final String baseUrl;

	/** The address the browser speaks from, through the proxy the test profile trusts; null for 127.0.0.1. */
	private final String address;

	public BrowserFlow(String baseUrl) {
		this(baseUrl, null);
	}

	public BrowserFlow(String baseUrl, String address) {
		this.baseUrl = baseUrl;
		this.address = address;
	}

	public RequestSpecification browser() {
		RequestSpecification browser = given().filter(this.cookies).redirects().follow(false);
		return (this.address != null) ? browser.header("X-Forwarded-For", this.address) : browser;
	}

	/** GET /oauth2/authorize with these parameters; returns the first response. */
	public Response authorize(Map<String, String> parameters) {
		return browser().queryParams(parameters).get(this.baseUrl + "/oauth2/authorize");
	}

	/** Signs in on the login page the server redirected to, and returns where it sends the browser next. */
	public Response signIn(Response redirectToLogin, String username, String password) {
		assertThat(redirectToLogin.statusCode()).isEqualTo(302);
		assertThat(redirectToLogin.header("Location")).endsWith("/login");
		Response loginPage = browser().get(absolute(redirectToLogin.header("Location")));
		Map<String, String> fields = hiddenFields(loginPage.asString());
		Response afterLogin = browser().contentType("application/x-www-form-urlencoded")
			.formParams(fields)
			.formParam("username", username)
			.formParam("password", password)
			.post(this.baseUrl + "/login");
		assertThat(afterLogin.statusCode()).isEqualTo(302);
		return toConsentPage(follow(afterLogin));
	}

	/** Follows the authorization endpoint's redirect to the consent page, where it sends one. */
	public Response toConsentPage(Response response) {
		String location = response.header("Location");
		return (location != null && location.contains("/oauth2/consent?")) ? follow(response) : response;
	}

	/** Ticks the given scopes on the consent page and submits it. */
	public Response consent(Response consentPage, String clientId, List<String> scopes) {
		assertThat(consentPage.statusCode()).isEqualTo(200);
		assertThat(consentPage.asString()).contains("id=\"consent-form\"");
		Map<String, String> fields = hiddenFields(consentPage.asString());
		RequestSpecification form = browser().contentType("application/x-www-form-urlencoded")
			.formParam("client_id", clientId)
			.formParam("state", fields.get("state"))
			.formParam("decision", "allow");
		scopes.forEach((scope) -> form.formParam("scope", scope));
		return form.post(this.baseUrl + "/oauth2/authorize");
	}

	/** Presses "Deny" on the consent page. */
	public Response deny(Response consentPage, String clientId) {
		Map<String, String> fields = hiddenFields(consentPage.asString());
		return browser().contentType("application/x-www-form-urlencoded")
			.formParam("client_id", clientId)
			.formParam("state", fields.get("state"))
			.formParam("decision", "deny")
			.post(this.baseUrl + "/oauth2/authorize");
	}

	/** The value of this browser's cookie of that name, or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map((cookie) -> cookie.getValue())
			.findFirst()
			.orElse(null);
	}

	/** A page of the server, with this browser's cookies. */
	public Response page(String path) {
		return browser().get(absolute(path));
	}

	/** Asks for a page that needs a signed-in user, signs in on the way, and returns the page. */
	public Response signInFor(String path, String username, String password) {
		Response page = signIn(page(path), username, password);
		assertThat(page.statusCode()).isEqualTo(200);
		return page;
	}

	/** Posts a form of the given page, with its hidden fields (the CSRF token among them). */
	public Response submit(Response page, String action) {
		return browser().contentType("application/x-www-form-urlencoded")
			.formParams(hiddenFields(page.asString()))
			.post(absolute(action));
	}

	/** Follows a redirect as a browser does: the Location exactly as sent, not re-encoded. */
	public Response follow(Response redirect) {
		return browser().urlEncodingEnabled(false).get(absolute(redirect.header("Location")));
	}

	/** The query parameters of a redirect to the client. */
	public static Map<String, String> redirectParameters(Response redirect) {
		assertThat(redirect.statusCode()).isEqualTo(302);
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(redirect.header("Location"))
			.build()
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name, decode(values.get(0))));
		return parameters;
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String absolute(String location) {
		return URI.create(location).isAbsolute() ? location : this.baseUrl + location;
	}

	/** A form's hidden inputs (the CSRF token among them), by name. */
	public static Map<String, String> hiddenFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = HIDDEN_INPUT.matcher(html);
		while (matcher.find()) {
			if (matcher.group(1) != null && html.substring(matcher.start(), matcher.end()).contains("hidden")) {
				fields.put(matcher.group(1), matcher.group(2));
			}
			else if (matcher.group(4) != null && html.substring(matcher.start(), matcher.end()).contains("hidden")) {
				fields.put(matcher.group(4), matcher.group(3));
			}
		}
		return fields;
	}

}
