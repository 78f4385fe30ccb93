package dev.oauthplatform.auth.page;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.oauthplatform.auth.session.SessionValidity;

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

	/** Set by {@link SessionValidity} for a session that still stands: the principal's name is an id. */
	@ModelAttribute("signedInAs")
	String signedInAs(HttpServletRequest request) {
		return (String) request.getAttribute(SessionValidity.USERNAME_ATTRIBUTE);
	}

}
