package dev.oauthplatform.admin.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in admin's name for the page header. */
@ControllerAdvice
class LayoutAdvice {

	@ModelAttribute("adminName")
	String adminName(@AuthenticationPrincipal OidcUser admin) {
		if (admin == null) {
			return null;
		}
		return (admin.getPreferredUsername() != null) ? admin.getPreferredUsername() : admin.getSubject();
	}

}
