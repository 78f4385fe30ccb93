package dev.oauthplatform.auth.signout;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-out confirmation, whether an application asked for it or the user chose it, and the
 * page after. Signing out itself is {@code POST /signout} (Spring Security's logout, CSRF-checked).
 */
@Controller
class SignOutController {

	static final String CONFIRM = "/signout";

	static final String SIGNED_OUT = "/signed-out";

	@GetMapping(CONFIRM)
	String confirm(HttpServletRequest request, Model model) {
		if (request.getUserPrincipal() == null) {
			return "redirect:" + SIGNED_OUT;
		}
		PendingSignOut pending = PendingSignOut.in(request);
		model.addAttribute("appName", (pending != null) ? pending.appName() : null);
		model.addAttribute("returnsToApp", pending != null && pending.returnTo() != null);
		return "signout/confirm";
	}

	@GetMapping(SIGNED_OUT)
	String signedOut() {
		return "signout/signed-out";
	}

}
