package dev.oauthplatform.admin.user;

import java.util.LinkedHashMap;
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

/** The user list and the create-a-user form beside it. */
@Controller
class UsersController {

	private static final int PAGE_SIZE = 50;

	private final UsersApi users;

	UsersController(UsersApi users) {
		this.users = users;
	}

	@GetMapping("/users")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		UsersApi.UserPage found = this.users.list(q.strip(), Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("users", found.items());
		model.addAttribute("total", found.total());
		model.addAttribute("page", found.page());
		model.addAttribute("hasNext", (long) (found.page() + 1) * PAGE_SIZE < found.total());
		model.addAttribute("q", q);
		if (!model.containsAttribute("newUser")) {
			model.addAttribute("newUser", Map.of("username", "", "email", "", "admin", false));
		}
		return "users/list";
	}

	@PostMapping("/users")
	String create(@RequestParam String username, @RequestParam String password,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "false") boolean admin,
			RedirectAttributes flash) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("username", username.strip());
		user.put("password", password);
		if (!email.isBlank()) {
			user.put("email", email.strip());
		}
		user.put("roles", admin ? List.of("USER", "ADMIN") : List.of("USER"));
		try {
			UsersApi.User created = this.users.create(user);
			Flash.success(flash, "User '" + created.username() + "' created.");
			return "redirect:/users/" + created.id();
		}
		catch (AdminApiException ex) {
			if (ex.isUnauthenticated() || ex.status() >= 500) {
				throw ex;
			}
			// back to the form with what was typed, except the password
			Flash.error(flash, ex.getMessage());
			flash.addFlashAttribute("newUser", Map.of("username", username, "email", email, "admin", admin));
			return "redirect:/users";
		}
	}

}
