package dev.oauthplatform.admin.scope;

import java.util.List;
import java.util.Map;

import dev.oauthplatform.admin.api.AdminApiException;
import dev.oauthplatform.admin.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scope registry: each scope with the sentence the consent page shows for it, a form to
 * register one or change its sentence, and delete behind a confirmation. The scope travels as a
 * query parameter, not a path segment: a scope token may hold characters a path cannot.
 */
@Controller
class ScopesController {

	private final ScopesApi scopes;

	ScopesController(ScopesApi scopes) {
		this.scopes = scopes;
	}

	/** {@code ?name=} fills the form with that scope, to change its description. */
	@GetMapping("/scopes")
	String list(@RequestParam(required = false) String name, Model model) {
		List<ScopesApi.Scope> all = this.scopes.list();
		model.addAttribute("scopes", all);
		if (!model.containsAttribute("form")) {
			ScopesApi.Scope chosen = all.stream().filter((scope) -> scope.name().equals(name)).findFirst().orElse(null);
			model.addAttribute("form", Map.of("name", (chosen != null) ? chosen.name() : "", "description",
					(chosen != null) ? chosen.description() : ""));
		}
		return "scopes/list";
	}

	@PostMapping("/scopes")
	String save(@RequestParam String name, @RequestParam String description, RedirectAttributes flash) {
		try {
			ScopesApi.Saved saved = this.scopes.save(name.strip(), description);
			Flash.success(flash, "Scope '" + saved.scope().name() + "' " + (saved.created() ? "registered" : "changed")
					+ ": the consent page says \"" + saved.scope().description() + "\".");
		}
		catch (AdminApiException ex) {
			if (ex.isUnauthenticated() || ex.status() >= 500) {
				throw ex;
			}
			// back to the form with what was typed
			Flash.error(flash, ex.getMessage());
			flash.addFlashAttribute("form", Map.of("name", name, "description", description));
		}
		return "redirect:/scopes";
	}

	@GetMapping("/scopes/delete")
	String confirmDelete(@RequestParam String name, Model model) {
		model.addAttribute("scope", this.scopes.get(name));
		return "scopes/delete";
	}

	@PostMapping("/scopes/delete")
	String delete(@RequestParam String name, RedirectAttributes flash) {
		this.scopes.delete(name);
		Flash.success(flash, "Scope '" + name + "' deleted. Clients that use it keep it; the consent page shows "
				+ "its name instead.");
		return "redirect:/scopes";
	}

}
