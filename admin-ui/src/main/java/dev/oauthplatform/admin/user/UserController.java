package dev.oauthplatform.admin.user;

import java.util.Map;

import dev.oauthplatform.admin.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One user: enable or disable, reset password, unlock, consents and authorizations to revoke. */
@Controller
class UserController {

	private final UsersApi users;

	UserController(UsersApi users) {
		this.users = users;
	}

	@GetMapping("/users/{id}")
	String show(@PathVariable String id, Model model) {
		UsersApi.User user = this.users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("consents", this.users.consents(id));
		model.addAttribute("authorizations", this.users.authorizations(id));
		model.addAttribute("throttle", this.users.throttle(user.username()));
		return "users/detail";
	}

	@PostMapping("/users/{id}/enabled")
	String enable(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes flash) {
		this.users.change(id, Map.of("enabled", enabled));
		Flash.success(flash, enabled ? "Enabled." : "Disabled: their tokens and grants are revoked.");
		return "redirect:/users/" + id;
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@PathVariable String id, @RequestParam String password, RedirectAttributes flash) {
		this.users.resetPassword(id, password);
		Flash.success(flash, "Password replaced; the user is signed out everywhere.");
		return "redirect:/users/" + id;
	}

	@PostMapping("/users/{id}/unlock")
	String unlock(@PathVariable String id, RedirectAttributes flash) {
		this.users.unlock(this.users.get(id).username());
		Flash.success(flash, "Failed sign-in counter cleared: the user may try again now.");
		return "redirect:/users/" + id;
	}

	@PostMapping("/users/{id}/consents/{clientId}/revoke")
	String revokeConsent(@PathVariable String id, @PathVariable String clientId, RedirectAttributes flash) {
		this.users.revokeConsent(id, clientId);
		Flash.success(flash, "Consent to '" + clientId + "' withdrawn; that client's tokens for this user stop.");
		return "redirect:/users/" + id;
	}

	@PostMapping("/users/{id}/authorizations/{authorizationId}/revoke")
	String revokeAuthorization(@PathVariable String id, @PathVariable String authorizationId,
			RedirectAttributes flash) {
		this.users.revokeAuthorization(id, authorizationId);
		Flash.success(flash, "Authorization revoked with its access and refresh tokens.");
		return "redirect:/users/" + id;
	}

}
