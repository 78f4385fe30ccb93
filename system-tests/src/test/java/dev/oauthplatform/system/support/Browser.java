package dev.oauthplatform.system.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import static io.restassured.RestAssured.given;

/**
 * A user's browser in the code flow: keeps cookies, follows redirects by hand, and fills in the
 * HTML forms it meets (the sign-in form with its CSRF field, the consent form) as a person would,
 * by their fields rather than by the page's wording, until the server redirects to the client.
 */
public final class Browser {

	private final CookieFilter cookies;

	private final List<String> servers;

	private final List<String> origins;

	private int requests;

	public Browser(String server) {
		this(List.of(server), server);
	}

	/**
	 * A browser whose every request goes to the next of {@code servers} in turn (instances of one
	 * auth-server whose issuer is {@code issuer}), whatever the page or redirect named: each step
	 * of a flow on another instance than the step before. Cookies are kept per host, not per port,
	 * so the session cookie travels with it.
	 */
	public Browser(List<String> servers, String issuer) {
		this(new CookieFilter(), servers, issuer);
	}

	private Browser(CookieFilter cookies, List<String> servers, String issuer) {
		this.cookies = cookies;
		this.servers = List.copyOf(servers);
		List<String> origins = new java.util.ArrayList<>(servers);
		origins.add(issuer);
		this.origins = List.copyOf(origins);
	}

	/** The same browser (its cookies) sending its requests to {@code servers} in turn from now on. */
	public Browser on(List<String> servers) {
		return new Browser(this.cookies, servers, this.origins.get(this.origins.size() - 1));
	}

	/** GET {@code pathOrUrl} (query included, already encoded) on the next server, redirects not followed. */
	public Response get(String pathOrUrl) {
		return request().urlEncodingEnabled(false).get(onNextServer(pathOrUrl));
	}

	/** GET {@code path} with these query parameters on the next server, redirects not followed. */
	public Response get(String path, Map<String, String> query) {
		return request().queryParams(query).get(onNextServer(path));
	}

	/**
	 * Submits the page's form whose action ends with {@code actionPath} as it stands (its hidden
	 * fields, the CSRF token) on the next server.
	 */
	public Response submit(Response page, String actionPath) {
		FormElement form = Jsoup.parse(page.asString(), this.origins.get(0))
			.select("form")
			.stream()
			.map(FormElement.class::cast)
			.filter((candidate) -> URI.create(candidate.absUrl("action")).getPath().endsWith(actionPath))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form to " + actionPath + " on the page: " + page.asString()));
		Map<String, String> fields = new LinkedHashMap<>();
		form.formData().forEach((field) -> fields.put(field.key(), field.value()));
		return request().contentType("application/x-www-form-urlencoded")
			.formParams(fields)
			.post(onNextServer(form.absUrl("action")));
	}

	/** The server the next request goes to (the next instance in turn); also for token requests. */
	public synchronized String server() {
		return this.servers.get(this.requests++ % this.servers.size());
	}

	/** Sends the next request to {@code url}'s path on the next server in turn. */
	private String onNextServer(String url) {
		String server = server();
		for (String origin : this.origins) {
			if (url.startsWith(origin + "/") || url.equals(origin)) {
				return server + url.substring(origin.length());
			}
		}
		return URI.create(url).isAbsolute() ? url : server + url;
	}

	/**
	 * From {@code /oauth2/authorize} to the client's redirect URI: signs in when asked, ticks the
	 * given scopes when asked for consent. Returns the query parameters the client receives.
	 */
	public Map<String, String> authorize(Map<String, String> parameters, String username, String password,
			List<String> consentedScopes) {
		String redirectUri = parameters.get("redirect_uri");
		Response response = request().queryParams(parameters).get(onNextServer("/oauth2/authorize"));
		for (int step = 0; step < 10; step++) {
			if (response.statusCode() == 302) {
				String location = response.header("Location");
				if (location.startsWith(redirectUri)) {
					return queryParameters(location);
				}
				response = request().urlEncodingEnabled(false).get(onNextServer(location));
			}
			else if (response.statusCode() == 200) {
				response = fillIn(Jsoup.parse(response.asString(), this.origins.get(0)), username, password,
						consentedScopes);
			}
			else {
				throw new AssertionError("Unexpected " + response.statusCode() + " in the flow: " + response.asString());
			}
		}
		throw new AssertionError("The flow did not reach " + redirectUri);
	}

	private Response fillIn(Document page, String username, String password, List<String> consentedScopes) {
		FormElement form = page.selectFirst("input[type=password]") != null
				? (FormElement) page.selectFirst("input[type=password]").closest("form")
				: (FormElement) page.selectFirst("form");
		if (form == null) {
			throw new AssertionError("A page without a form in the flow: " + page.title());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		RequestSpecification submit = request().contentType("application/x-www-form-urlencoded");
		for (var field : form.formData()) {
			if (!field.key().equals("scope")) {
				fields.put(field.key(), field.value());
			}
		}
		if (form.selectFirst("input[type=password]") != null) {
			fields.put(form.selectFirst("input[type=password]").attr("name"), password);
			fields.put(usernameField(form), username);
		}
		else {
			consentedScopes.forEach((scope) -> submit.formParam("scope", scope));
			fields.put("decision", "allow");
		}
		return submit.formParams(fields).post(onNextServer(form.absUrl("action")));
	}

	private static String usernameField(FormElement form) {
		Element input = form.selectFirst("input[type=text], input[type=email], input:not([type])");
		return (input != null) ? input.attr("name") : "username";
	}

	/** A request with this browser's cookies, redirects not followed; {@link #server()} picks where it goes. */
	public RequestSpecification request() {
		return given().filter(this.cookies).redirects().follow(false);
	}

	private static Map<String, String> queryParameters(String location) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = URI.create(location).getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] nameValue = pair.split("=", 2);
				parameters.put(decode(nameValue[0]), (nameValue.length > 1) ? decode(nameValue[1]) : "");
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
