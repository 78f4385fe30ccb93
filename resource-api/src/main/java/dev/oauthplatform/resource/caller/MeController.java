package dev.oauthplatform.resource.caller;

import java.util.SortedSet;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: what this API sees in the caller's token. Any valid token may ask. */
@RestController
class MeController {

	@GetMapping("/api/me")
	Me me(Caller caller) {
		return new Me(caller.subject(), caller.clientId(), caller.scopes(), caller.username());
	}

	record Me(@JsonProperty("sub") String subject, @JsonProperty("client_id") String clientId,
			@JsonProperty("scopes") SortedSet<String> scopes, @JsonProperty("username") String username) {
	}

}
