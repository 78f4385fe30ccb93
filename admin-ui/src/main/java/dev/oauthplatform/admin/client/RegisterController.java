package dev.oauthplatform.admin.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.oauthplatform.admin.api.AdminApiException;
import dev.oauthplatform.admin.api.ServerMetadata;
import dev.oauthplatform.admin.posture.ClientSettings;

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

	private final RegistrationCheck check;

	private final ServerMetadata server;

	RegisterController(ClientsApi clients, RegistrationCheck check, ServerMetadata server) {
		this.clients = clients;
		this.check = check;
		this.server = server;
	}

	@GetMapping("/clients/new")
	String start(@RequestParam(name = "client_type", required = false) String type, Model model) {
		model.addAttribute("types", ClientType.values());
		if (type == null || type.isBlank()) {
			return "clients/new-type";
		}
		return form(RegistrationForm.empty(ClientType.of(type), deviceGrantOffered()), Map.of(), Map.of(), null,
				model);
	}

	@PostMapping("/clients/new")
	String register(@ModelAttribute RegistrationForm form, Model model, RedirectAttributes flash) {
		Map<String, Object> metadata = form.metadata(this.server.tokenEndpointAuthMethodsSupported().orElse(List.of()));
		if (form.type() == ClientType.CLI && !metadata.containsKey("token_endpoint_auth_method")) {
			// registered without it, the tool would silently be public
			return form(form, Map.of(), Map.of(), "auth-server's discovery document could not be read, so the "
					+ "console does not know which client secret method to register; try again in a moment.", model);
		}
		List<ClientsApi.Problem> refused = this.check.problems(metadata).orElse(List.of());
		if (!refused.isEmpty()) {
			return refused(form, refused, model);
		}
		try {
			ClientDetails created = this.clients.register(metadata);
			// a flash attribute lives in the session only until the next request: shown once
			flash.addFlashAttribute("created", created);
			return "redirect:/clients/" + created.clientId() + "/created";
		}
		catch (AdminApiException ex) {
			if (ex.isUnauthenticated() || ex.status() >= 500) {
				throw ex;
			}
			Map<String, String> fieldErrors = "invalid_redirect_uri".equals(ex.error())
					? Map.of(RegistrationCheck.REDIRECT_URIS, ex.getMessage()) : Map.of();
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
		model.addAttribute("deviceGrantOffered", deviceGrantOffered());
		return "clients/new-details";
	}

	/** Whether auth-server's discovery document lists the device grant; not when it cannot be read. */
	private boolean deviceGrantOffered() {
		return this.server.grantTypesSupported().orElse(List.of()).contains(ClientSettings.DEVICE_CODE_GRANT);
	}

	/**
	 * auth-server's refusals beside their fields: each refused URI under its list (URI to the
	 * server's words), a refusal of the list as a whole under the list, anything else on top.
	 */
	private String refused(RegistrationForm form, List<ClientsApi.Problem> refused, Model model) {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, String> postLogoutProblems = new LinkedHashMap<>();
		String error = null;
		for (ClientsApi.Problem problem : refused) {
			if (RegistrationCheck.POST_LOGOUT_REDIRECT_URIS.equals(problem.field()) && problem.value() != null) {
				postLogoutProblems.put(problem.value(), problem.errorDescription());
			}
			else if (RegistrationCheck.REDIRECT_URIS.equals(problem.field())) {
				problems.put((problem.value() != null) ? problem.value() : RegistrationCheck.REDIRECT_URIS,
						problem.errorDescription());
			}
			else if (error == null) {
				error = problem.errorDescription();
			}
		}
		if (error == null) {
			error = refused.stream().anyMatch((problem) -> problem.value() != null)
					? "Some redirect URIs would be refused; see the reasons beside them."
					: refused.get(0).errorDescription();
		}
		return form(form, problems, postLogoutProblems, error, model);
	}

}
