package dev.oauthplatform.cli.login;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/**
 * Opens the approval page in the user's browser when there is one; the page's address is printed
 * either way, so failing to open it (no display, over SSH) is never an error. The address comes
 * from the server, so only a web page is opened: {@code file:}, {@code smb:} or a custom scheme
 * would hand it to whatever program claims that scheme.
 */
final class BrowserLauncher {

	private BrowserLauncher() {
	}

	/** https, or http to this machine (a server under development): nothing else is opened. */
	static boolean mayOpen(URI page) {
		return "https".equalsIgnoreCase(page.getScheme())
				|| ("http".equalsIgnoreCase(page.getScheme()) && Loopback.is(page));
	}

	static void open(URI page) {
		if (!mayOpen(page)) {
			return;
		}
		try {
			if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
					&& Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
				Desktop.getDesktop().browse(page);
			}
			else if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
				new ProcessBuilder("xdg-open", page.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.redirectError(ProcessBuilder.Redirect.DISCARD)
					.start();
			}
		}
		catch (Exception | LinkageError ex) {
			// no browser to open: the person copies the printed address instead
		}
	}

}
