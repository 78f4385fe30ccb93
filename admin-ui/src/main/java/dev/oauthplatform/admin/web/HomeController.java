package dev.oauthplatform.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/clients";
	}

	/** Public: where a session ends when auth-server stops accepting the admin's tokens. */
	@GetMapping("/signed-out")
	String signedOut() {
		return "signed-out";
	}

}
