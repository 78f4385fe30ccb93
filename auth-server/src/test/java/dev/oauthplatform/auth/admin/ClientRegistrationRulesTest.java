package dev.oauthplatform.auth.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.oauthplatform.auth.support.HttpTest;
import dev.oauthplatform.auth.support.Json;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each row is a registration the rules of its client type (DESIGN.md) or RFC 9700 refuse: a 400
 * with the RFC 7591 error and a description that says what to change. Nothing is stored.
 */
class ClientRegistrationRulesTest extends HttpTest {

	private static final String METADATA = "invalid_client_metadata";

	private static final String REDIRECT = "invalid_redirect_uri";

	private static final Map<String, Object> WEB = Map.of("client_name", "Shop backend", "client_type", "web",
			"redirect_uris", List.of("https://shop.example.com/callback"));

	private static final Map<String, Object> SPA = Map.of("client_name", "Shop SPA", "client_type", "spa",
			"redirect_uris", List.of("https://shop.example.com/app/"));

	private static final Map<String, Object> NATIVE = Map.of("client_name", "Shop app", "client_type", "native",
			"redirect_uris", List.of("com.example.shop:/oauth2/callback"));

	private static final Map<String, Object> M2M = Map.of("client_name", "Billing job", "client_type", "m2m");

	private static final Map<String, Object> CLI = Map.of("client_name", "Shop CLI", "client_type", "cli");

	static Stream<Arguments> refusedRegistrations() {
		return Stream.of(
				row("client_type is required", with(WEB, "client_type", null), METADATA, "client_type is required"),
				row("unknown client_type", with(WEB, "client_type", "desktop"), METADATA, "is not one of web, spa"),
				row("client_name is required", with(WEB, "client_name", null), METADATA, "client_name is required"),
				row("blank client_name", with(WEB, "client_name", "   "), METADATA, "client_name is required"),
				row("client_name too long", with(WEB, "client_name", "x".repeat(201)), METADATA, "at most 200"),
				row("implicit grant", with(SPA, "grant_types", List.of("implicit")), METADATA, "RFC 9700"),
				row("token response type", with(SPA, "response_types", List.of("token")), METADATA, "implicit"),
				row("hybrid response type", with(SPA, "response_types", List.of("code id_token")), METADATA,
						"implicit"),
				row("code response type without code grant", with(M2M, "response_types", List.of("code")), METADATA,
						"exactly when grant_types has authorization_code"),
				row("password grant for web", with(WEB, "grant_types", List.of("password")), METADATA,
						"web clients may use only authorization_code, refresh_token"),
				row("code grant for m2m", with(M2M, "grant_types", List.of("authorization_code")), METADATA,
						"m2m clients may use only client_credentials"),
				row("refresh token for m2m", with(M2M, "grant_types", List.of("client_credentials", "refresh_token")),
						METADATA, "m2m clients may use only client_credentials"),
				row("unknown grant", with(WEB, "grant_types", List.of("urn:ietf:params:oauth:grant-type:jwt-bearer")),
						METADATA, "is not supported"),
				row("no grants", with(WEB, "grant_types", List.of()), METADATA, "grant_types must not be empty"),
				row("refresh_token alone", with(WEB, "grant_types", List.of("refresh_token")), METADATA,
						"needs a grant that issues refresh tokens"),
				row("secret for spa", with(SPA, "token_endpoint_auth_method", "client_secret_basic"), METADATA,
						"spa clients are public"),
				row("secret for native", with(NATIVE, "token_endpoint_auth_method", "client_secret_post"), METADATA,
						"native clients are public"),
				row("web without a secret", with(WEB, "token_endpoint_auth_method", "none"), METADATA,
						"web clients are confidential"),
				row("m2m without a secret", with(M2M, "token_endpoint_auth_method", "none"), METADATA,
						"m2m clients are confidential"),
				row("unsupported auth method", with(WEB, "token_endpoint_auth_method", "private_key_jwt"), METADATA,
						"'private_key_jwt' is not supported"),
				row("PKCE off for spa", with(SPA, "require_pkce", false), METADATA, "public clients always use PKCE"),
				row("native loopback on localhost", with(NATIVE, "redirect_uris", List.of("http://localhost/callback")),
						REDIRECT, "native apps use 127.0.0.1 or [::1] rather than localhost (RFC 8252 §8.3)"),
				row("redirect URIs for m2m", with(M2M, "redirect_uris", List.of("https://billing.example.com/cb")),
						REDIRECT, "m2m clients take no redirect URIs"),
				row("redirect URIs for cli", with(CLI, "redirect_uris", List.of("http://localhost:8400/cb")), REDIRECT,
						"cli clients take no redirect URIs"),
				row("code grant without redirect URI", with(WEB, "redirect_uris", null), REDIRECT,
						"needs at least one redirect URI"),
				row("relative redirect URI", redirect(WEB, "/callback"), REDIRECT, "must be absolute"),
				row("fragment", redirect(WEB, "https://shop.example.com/callback#top"), REDIRECT,
						"fragment not allowed"),
				row("wildcard", redirect(WEB, "https://*.example.com/callback"), REDIRECT, "wildcards not allowed"),
				row("http on a public host", redirect(WEB, "http://shop.example.com/callback"), REDIRECT,
						"http only for loopback hosts"),
				row("http on a public host for spa", redirect(SPA, "http://shop.example.com/app/"), REDIRECT,
						"http only for loopback hosts"),
				row("private-use scheme for web", redirect(WEB, "com.example.shop:/callback"), REDIRECT,
						"private-use schemes only for native clients"),
				row("private-use scheme for spa", redirect(SPA, "com.example.shop:/callback"), REDIRECT,
						"private-use schemes only for native clients"),
				row("scheme not a reversed domain", redirect(NATIVE, "shopapp://callback"), REDIRECT,
						"reversed domain name"),
				row("javascript scheme", redirect(NATIVE, "javascript:alert(1)"), REDIRECT,
						"scheme 'javascript' not allowed"),
				row("user info", redirect(WEB, "https://user@shop.example.com/callback"), REDIRECT,
						"user info (user@host) not allowed"),
				row("not a URI", redirect(WEB, "https://shop example.com/callback"), REDIRECT, "not a valid URI"),
				row("no host", redirect(WEB, "https:/callback"), REDIRECT, "must name a host"),
				row("quote in a scope", with(WEB, "scope", "notes.read \"notes.write\""), METADATA,
						"not an RFC 6749 scope token"),
				row("backslash in a scope", with(WEB, "scope", "notes\\read"), METADATA, "not an RFC 6749 scope token"),
				row("unknown token format", with(WEB, "access_token_format", "opaque"), METADATA,
						"must be 'jwt' or 'reference'"),
				row("access token lifetime too short", with(WEB, "access_token_ttl", 10), METADATA,
						"access_token_ttl must be between 60 and 86400"),
				row("access token lifetime too long", with(WEB, "access_token_ttl", 100_000), METADATA,
						"access_token_ttl must be between 60 and 86400"),
				row("refresh token lifetime zero", with(WEB, "refresh_token_ttl", 0), METADATA,
						"refresh_token_ttl must be between"),
				row("client_id with a space", with(WEB, "client_id", "my client"), METADATA,
						"client_id must be 1-100 URL-safe characters"),
				row("client_id too long", with(WEB, "client_id", "c".repeat(101)), METADATA,
						"client_id must be 1-100 URL-safe characters"),
				row("client_id taken", with(CLI, "client_id", "admin-cli"), METADATA,
						"client_id 'admin-cli' is already registered"),
				row("public resource server", with(SPA, "resource_server", true), METADATA,
						"resource_server needs a confidential client"),
				row("relative audience", with(M2M, "audiences", List.of("/api")), METADATA,
						"must be an absolute URI without a fragment"),
				row("audience with a fragment", with(M2M, "audiences", List.of("https://api.example.test/#v1")),
						METADATA, "must be an absolute URI without a fragment"),
				row("audience that is not a URI", with(M2M, "audiences", List.of("https://api example.test")),
						METADATA, "must be an absolute URI without a fragment"),
				row("too many audiences", with(M2M, "audiences", IntStream.range(0, 21)
					.mapToObj((i) -> "https://api" + i + ".example.test")
					.toList()), METADATA, "at most 20 audiences"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedRegistrations")
	void registrationIsRefusedWithAnActionableError(String rule, Map<String, Object> metadata, String error,
			String description) {
		Map<String, Object> body = metadata.containsKey("client_id") ? metadata
				: with(metadata, "client_id", "refused-" + UUID.randomUUID());
		admin().body(Json.of(body))
			.post("/admin/api/clients")
			.then()
			.statusCode(400)
			.header("Cache-Control", "no-store")
			.body("error", equalTo(error))
			.body("error_description", containsString(description));
		if (!"admin-cli".equals(body.get("client_id")) && body.get("client_id").toString().length() <= 100) {
			admin().get("/admin/api/clients/{id}", body.get("client_id")).then().statusCode(404);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedBodies")
	void aBodyThatIsNotClientMetadataIsRefused(String what, String body) {
		admin().body(body)
			.post("/admin/api/clients")
			.then()
			.statusCode(400)
			.body("error", equalTo("invalid_request"))
			.body("error_description", containsString("not valid JSON"));
	}

	static Stream<Arguments> malformedBodies() {
		return Stream.of(arguments("truncated JSON", "{\"client_name\": \"Shop\""),
				arguments("a list, not an object", "[]"),
				arguments("redirect_uris not a list", "{\"client_name\":\"Shop\",\"redirect_uris\":{\"a\":1}}"),
				arguments("first_party not a boolean", "{\"client_name\":\"Shop\",\"first_party\":\"maybe\"}"),
				arguments("empty body", ""));
	}

	private static Arguments row(String rule, Map<String, Object> metadata, String error, String description) {
		return arguments(rule, metadata, error, description);
	}

	private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
		Map<String, Object> change = new HashMap<>();
		change.put(field, value);
		return Json.with(base, change);
	}

	private static Map<String, Object> redirect(Map<String, Object> base, String uri) {
		return with(base, "redirect_uris", List.of(uri));
	}

}
