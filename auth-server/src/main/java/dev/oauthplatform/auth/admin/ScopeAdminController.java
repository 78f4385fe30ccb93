package dev.oauthplatform.auth.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import dev.oauthplatform.auth.scope.Scope;
import dev.oauthplatform.auth.scope.ScopeRegistry;
import dev.oauthplatform.auth.scope.ScopeRegistry.Described;
import dev.oauthplatform.auth.scope.ScopeRepository;

/**
 * The scope registry: what each scope lets an application do, in the words the consent page
 * shows. Clients are not checked against it, and deleting an entry leaves them alone.
 */
@RestController
@RequestMapping("/admin/api/scopes")
class ScopeAdminController {

	/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
	private static final Pattern NAME = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");

	/**
	 * Names the server's path handling can carry as one segment: Tomcat and Spring Security's
	 * firewall refuse an encoded {@code /}, {@code %} or {@code ;}, and {@code .} and {@code ..}
	 * are path steps. Other names are addressed as {@code ?name=} instead.
	 */
	private static final Pattern PATH_SAFE = Pattern.compile("(?!\\.{1,2}$)[^/%;]+");

	private static final int MAX_DESCRIPTION = 300;

	/** In Java, not SQL: a database collation would order {@code Notes} and {@code notes.read} its own way. */
	private static final Comparator<Scope> BY_NAME = Comparator.comparing(Scope::getName);

	private final ScopeRepository scopes;

	private final ScopeRegistry registry;

	ScopeAdminController(ScopeRepository scopes, ScopeRegistry registry) {
		this.scopes = scopes;
		this.registry = registry;
	}

	@GetMapping
	List<ScopeView> list() {
		return this.scopes.findAll().stream().sorted(BY_NAME).map(ScopeView::of).toList();
	}

	/** The query form of the calls below, for names such as {@code https://api.example.com/read}. */
	@GetMapping(params = "name")
	ScopeView getByQuery(@RequestParam("name") List<String> name) {
		return get(single(name));
	}

	@PutMapping(params = "name")
	ResponseEntity<ScopeView> putByQuery(@RequestParam("name") List<String> name,
			@RequestBody ScopeDescription body) {
		return put(single(name), body);
	}

	@DeleteMapping(params = "name")
	ResponseEntity<Void> deleteByQuery(@RequestParam("name") List<String> name) {
		return delete(single(name));
	}

	/** Spring would join {@code ?name=a&name=b} into "a,b", itself a valid scope token. */
	private static String single(List<String> names) {
		if (names.size() != 1) {
			throw AdminApiException.invalidRequest("Give one name: ?name= appears " + names.size() + " times");
		}
		return names.get(0);
	}

	@GetMapping("/{name}")
	ScopeView get(@PathVariable String name) {
		return ScopeView.of(this.scopes.findById(name).orElseThrow(() -> notFound(name)));
	}

	/** Creates or replaces: the name is the scope token clients already ask for, so the admin chooses it. */
	@PutMapping("/{name}")
	ResponseEntity<ScopeView> put(@PathVariable String name, @RequestBody ScopeDescription body) {
		checkName(name);
		Described described = this.registry.describe(name, body.checked());
		ScopeView view = ScopeView.of(described.scope());
		if (!described.created()) {
			return ResponseEntity.ok(view);
		}
		return ResponseEntity.created(location(name)).body(view);
	}

	/** Encoded, so that a '?' or '#' in the name stays part of it. */
	static URI location(String name) {
		if (PATH_SAFE.matcher(name).matches()) {
			return URI.create("/admin/api/scopes/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8));
		}
		return UriComponentsBuilder.fromPath("/admin/api/scopes")
			.queryParam("name", "{name}")
			.encode()
			.buildAndExpand(name)
			.toUri();
	}

	/** Clients that use the scope keep it; the consent page then shows its bare name. */
	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		if (this.scopes.deleteByNameIfPresent(name) == 0) {
			throw notFound(name);
		}
		return ResponseEntity.noContent().build();
	}

	private static void checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw AdminApiException.invalidRequest("A scope name must be an RFC 6749 scope token: 1 to 100 "
					+ "printable ASCII characters without spaces, '\"' or '\\'");
		}
	}

	private static AdminApiException notFound(String name) {
		return AdminApiException.notFound("Scope '" + name + "'");
	}

	record ScopeDescription(String description) {

		/** Trimmed: the consent page shows it as a sentence, so a blank or multi-line one is refused. */
		String checked() {
			String trimmed = (this.description != null) ? this.description.strip() : "";
			if (trimmed.isEmpty()) {
				throw AdminApiException.invalidRequest(
						"description is required: what the scope lets an application do, e.g. \"Read your notes\"");
			}
			if (trimmed.length() > MAX_DESCRIPTION || trimmed.chars().anyMatch(Character::isISOControl)) {
				throw AdminApiException.invalidRequest("description must be at most " + MAX_DESCRIPTION
						+ " characters on one line, without control characters");
			}
			return trimmed;
		}

	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ScopeView(String name, String description, Instant createdAt, Instant updatedAt) {

		static ScopeView of(Scope scope) {
			return new ScopeView(scope.getName(), scope.getDescription(), scope.getCreatedAt(), scope.getUpdatedAt());
		}

	}

}
