package dev.oauthplatform.auth.page;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: the product's name and who is signed in. */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(PageProperties.class)
public class PageModel {

	/** The signed-in user's username, for the header: set only for a session that still stands (session/). */
	public static final String SIGNED_IN_USERNAME = PageModel.class.getName() + ".signedInAs";

	private final PageProperties properties;

	PageModel(PageProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("productName")
	String productName() {
		return this.properties.productName();
	}

	/** The session's principal name is the user's id: not for people's eyes. */
	@ModelAttribute("signedInAs")
	String signedInAs(HttpServletRequest request) {
		return (String) request.getAttribute(SIGNED_IN_USERNAME);
	}

}
