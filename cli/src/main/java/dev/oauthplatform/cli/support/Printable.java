package dev.oauthplatform.cli.support;

/**
 * Text from a server (or from a file it could have shaped), made safe to print on a terminal: C0
 * and C1 control characters and DEL are dropped, since an escape sequence can rewrite what the
 * terminal shows (a user code, a URL), set its title or, on some terminals, send keys back. The
 * bidirectional controls go too: they can show a user code in another order than it is.
 */
public final class Printable {

	private Printable() {
	}

	public static String of(Object value) {
		String text = String.valueOf(value);
		StringBuilder printable = new StringBuilder(text.length());
		text.codePoints().filter((c) -> !isControl(c)).forEach(printable::appendCodePoint);
		return printable.toString();
	}

	static boolean isControl(int c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
				|| (c >= 0x2066 && c <= 0x2069);
	}

}
