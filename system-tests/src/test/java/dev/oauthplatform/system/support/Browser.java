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

	private final CookieFilter cookies = new CookieFilter();

	private final String server;

	public Browser(String server) {
		this.server = server;
	}

	/**
	 * From {@code /oauth2/authorize} to the client's redirect URI: signs in when asked, ticks the
	 * given scopes when asked for consent. Returns the query parameters the client receives.
	 */
	public Map<String, String> authorize(Map<String, String> parameters, String username, String password,
			List<String> consentedScopes) {
		String redirectUri = parameters.get("redirect_uri");
		Response response = request().queryParams(parameters).get(this.server + "/oauth2/authorize");
		for (int step = 0; step < 10; step++) {
			if (response.statusCode() == 302) {
				String location = response.header("Location");
				if (location.startsWith(redirectUri)) {
					return queryParameters(location);
				}
				response = request().urlEncodingEnabled(false).get(absolute(location));
			}
			else if (response.statusCode() == 200) {
				response = fillIn(Jsoup.parse(response.asString(), this.server), username, password,
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
		return submit.formParams(fields).post(form.absUrl("action"));
	}

	private static String usernameField(FormElement form) {
		Element input = form.selectFirst("input[type=text], input[type=email], input:not([type])");
		return (input != null) ? input.attr("name") : "username";
	}

	private RequestSpecification request() {
		return given().filter(this.cookies).redirects().follow(false);
	}

	private String absolute(String location) {
		return URI.create(location).isAbsolute() ? location : this.server + location;
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
