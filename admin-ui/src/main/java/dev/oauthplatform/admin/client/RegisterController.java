package dev.oauthplatform.admin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.oauthplatform.admin.api.AdminApiException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register-an-application wizard: which kind of application, then only what that kind
 * needs, then the secret, once.
 */
@Controller
class RegisterController {

	private final ClientsApi clients;

	RegisterController(ClientsApi clients) {
		this.clients = clients;
	}

	@GetMapping("/clients/new")
	String start(@RequestParam(name = "client_type", required = false) String type, Model model) {
		model.addAttribute("types", ClientType.values());
		if (type == null || type.isBlank()) {
			return "clients/new-type";
		}
		return form(RegistrationForm.empty(ClientType.of(type)), Map.of(), Map.of(), null, model);
	}

	@PostMapping("/clients/new")
	String register(@ModelAttribute RegistrationForm form, Model model, RedirectAttributes flash) {
		Map<String, String> problems = uriProblems(form);
		Map<String, String> postLogoutProblems = problems(form.postLogoutRedirectUriList(), form.type());
		if (!problems.isEmpty() || !postLogoutProblems.isEmpty()) {
			return form(form, problems, postLogoutProblems,
					"Some redirect URIs would be refused; see the reasons beside them.", model);
		}
		try {
			ClientDetails created = this.clients.register(form.metadata());
			// a flash attribute lives in the session only until the next request: shown once
			flash.addFlashAttribute("created", created);
			return "redirect:/clients/" + created.clientId() + "/created";
		}
		catch (AdminApiException ex) {
			if (ex.isUnauthenticated() || ex.status() >= 500) {
				throw ex;
			}
			Map<String, String> fieldErrors = "invalid_redirect_uri".equals(ex.error())
					? Map.of("redirect_uris", ex.getMessage()) : Map.of();
			return form(form, fieldErrors, Map.of(), ex.getMessage(), model);
		}
	}

	@GetMapping("/clients/{clientId}/created")
	String created(@PathVariable String clientId, Model model) {
		if (!model.containsAttribute("created")) {
			// reloaded: the secret is gone for good
			return "redirect:/clients/" + clientId;
		}
		return "clients/created";
	}

	private String form(RegistrationForm form, Map<String, String> problems, Map<String, String> postLogoutProblems,
			String error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("type", form.type());
		model.addAttribute("problems", problems);
		model.addAttribute("postLogoutProblems", postLogoutProblems);
		model.addAttribute("formError", error);
		return "clients/new-details";
	}

	private static Map<String, String> uriProblems(RegistrationForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!form.type().redirects()) {
			return problems;
		}
		if (form.redirectUriList().isEmpty()) {
			problems.put("redirect_uris", "at least one redirect URI is needed for a " + form.type().label());
		}
		problems.putAll(problems(form.redirectUriList(), form.type()));
		return problems;
	}

	/** URI to the reason auth-server would refuse it. */
	private static Map<String, String> problems(List<String> uris, ClientType type) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (String uri : uris) {
			RedirectUriCheck.problem(uri, type).ifPresent((reason) -> problems.put(uri, reason));
		}
		return problems;
	}

}
