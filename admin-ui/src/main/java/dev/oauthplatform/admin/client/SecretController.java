package dev.oauthplatform.admin.client;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Secret rotation: the new secret is shown once, like at registration. */
@Controller
class SecretController {

	private final ClientsApi clients;

	SecretController(ClientsApi clients) {
		this.clients = clients;
	}

	@PostMapping("/clients/{clientId}/secret")
	String rotate(@PathVariable String clientId,
			@RequestParam(name = "grace_period_seconds", defaultValue = "0") int gracePeriodSeconds,
			RedirectAttributes flash) {
		flash.addFlashAttribute("rotated", this.clients.rotateSecret(clientId, gracePeriodSeconds));
		return "redirect:/clients/" + clientId + "/secret";
	}

	@GetMapping("/clients/{clientId}/secret")
	String show(@PathVariable String clientId, Model model) {
		if (!model.containsAttribute("rotated")) {
			return "redirect:/clients/" + clientId;
		}
		return "clients/secret";
	}

}
