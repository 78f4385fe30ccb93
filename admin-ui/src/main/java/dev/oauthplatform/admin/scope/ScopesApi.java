package dev.oauthplatform.admin.scope;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The scope registry in auth-server's admin API: the sentence its consent page shows for each scope. */
@Component
class ScopesApi {

	/** The value is encoded whole, so that a {@code +}, {@code &} or {@code #} stays part of the name. */
	private static final String BY_NAME = "/admin/api/scopes?name={name}";

	private final RestClient api;

	ScopesApi(RestClient adminApiRestClient) {
		this.api = adminApiRestClient;
	}

	List<Scope> list() {
		return this.api.get().uri("/admin/api/scopes").retrieve().body(new ParameterizedTypeReference<List<Scope>>() {
		});
	}

	/** By query, not path: a path cannot carry names such as {@code https://api.example.com/read}. */
	Scope get(String name) {
		return this.api.get().uri(BY_NAME, name).retrieve().body(Scope.class);
	}

	/** Registers the scope or replaces its description; which of the two, the status says (201 or 200). */
	Saved save(String name, String description) {
		ResponseEntity<Scope> answer = this.api.put()
			.uri(BY_NAME, name)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("description", description))
			.retrieve()
			.toEntity(Scope.class);
		return new Saved(answer.getBody(), answer.getStatusCode().isSameCodeAs(HttpStatus.CREATED));
	}

	void delete(String name) {
		this.api.delete().uri(BY_NAME, name).retrieve().toBodilessEntity();
	}

	record Scope(String name, String description, Instant createdAt, Instant updatedAt) {
	}

	record Saved(Scope scope, boolean created) {
	}

}
