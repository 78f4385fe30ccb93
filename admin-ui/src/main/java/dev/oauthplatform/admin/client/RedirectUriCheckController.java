package dev.oauthplatform.admin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Asked by static/js/redirect-uris.js as the admin types in a redirect URI list (the register
 * wizard and the edit form): which URIs auth-server would refuse, and why, in its words. The
 * browser never talks to auth-server; this passes the question on with the admin's token.
 */
@Controller
class RedirectUriCheckController {

	private final RegistrationCheck check;

	RedirectUriCheckController(RegistrationCheck check) {
		this.check = check;
	}

	/**
	 * {@code {"checked": false, "problems": []}} when auth-server could not be asked: the page then
	 * shows nothing, and the real submit reports what auth-server answers.
	 */
	@PostMapping("/checks/redirect-uris")
	@ResponseBody
	ResponseEntity<Map<String, Object>> check(@RequestParam("client_type") String clientType,
			@RequestParam(defaultValue = RegistrationCheck.REDIRECT_URIS) String field,
			@RequestParam(defaultValue = "") String uris) {
		if (!field.equals(RegistrationCheck.REDIRECT_URIS) && !field.equals(RegistrationCheck.POST_LOGOUT_REDIRECT_URIS)) {
			return ResponseEntity.badRequest().build();
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("client_type", clientType);
		metadata.put(field, FormLines.lines(uris));
		Optional<List<ClientsApi.Problem>> problems = this.check.problems(metadata);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("checked", problems.isPresent());
		// only the URIs of this list: the rest of the registration is not being typed here
		body.put("problems", problems.orElse(List.of())
			.stream()
			.filter((problem) -> field.equals(problem.field()) && problem.value() != null)
			.map((problem) -> Map.of("field", problem.field(), "value", problem.value(), "error_description",
					String.valueOf(problem.errorDescription())))
			.toList());
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
	}

}
