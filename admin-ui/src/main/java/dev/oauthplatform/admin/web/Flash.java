package dev.oauthplatform.admin.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line messages shown in #flash after a redirect. */
public final class Flash {

	private Flash() {
	}

	public static void success(RedirectAttributes flash, String message) {
		flash.addFlashAttribute("flashKind", "success");
		flash.addFlashAttribute("flashMessage", message);
	}

	public static void error(RedirectAttributes flash, String message) {
		flash.addFlashAttribute("flashKind", "error");
		flash.addFlashAttribute("flashMessage", message);
	}

}
