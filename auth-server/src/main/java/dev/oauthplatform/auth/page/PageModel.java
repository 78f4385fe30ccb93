package dev.oauthplatform.auth.page;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: the product's name and who is signed in. */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(PageProperties.class)
class PageModel {

	private final PageProperties properties;

	PageModel(PageProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("productName")
	String productName() {
		return this.properties.productName();
	}

	@ModelAttribute("signedInAs")
	String signedInAs() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
		return signedIn ? user.getName() : null;
	}

}
