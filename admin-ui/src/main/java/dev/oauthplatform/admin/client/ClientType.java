package dev.oauthplatform.admin.client;

import java.util.Arrays;

/**
 * The five kinds of application an admin can register, with the one sentence the wizard shows
 * for each (seed 004's four, plus the command-line tool).
 */
public enum ClientType {

	WEB("web", "Backend server", "confidential",
			"A web application whose server keeps the client secret and the tokens, out of the browser's reach: "
					+ "an MVC application, an API proxy, a backend-for-frontend."),
	SPA("spa", "Single-page app", "public",
			"JavaScript that runs entirely in the browser and calls APIs itself; it cannot keep a secret, so it "
					+ "signs in with the code flow and PKCE. Prefer a backend server where you can: tokens in the "
					+ "browser are within reach of any script on the page."),
	NATIVE("native", "Native app", "public",
			"A mobile or desktop application; it cannot keep a secret, signs in through the system browser with "
					+ "PKCE and comes back through a custom scheme or a loopback address. On a device without a "
					+ "browser (a TV, a console), the user signs in on another device with a code instead."),
	M2M("m2m", "Machine-to-machine", "confidential",
			"A service or job with no user at all: it gets tokens for itself with its client credentials."),
	CLI("cli", "Command-line tool", "public or confidential",
			"A tool run in a terminal: it shows a short code, and the user signs in and approves it in a browser, "
					+ "on any device (the device authorization grant). The password grant, where the tool asks for "
					+ "the user's password itself, remains for legacy scripts only.");

	private final String id;

	private final String label;

	private final String kind;

	private final String description;

	ClientType(String id, String label, String kind, String description) {
		this.id = id;
		this.label = label;
		this.kind = kind;
		this.description = description;
	}

	public static ClientType of(String id) {
		return Arrays.stream(values())
			.filter((type) -> type.id.equalsIgnoreCase(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown client type '" + id + "'"));
	}

	public String id() {
		return this.id;
	}

	public String label() {
		return this.label;
	}

	public String kind() {
		return this.kind;
	}

	public String description() {
		return this.description;
	}

	/** Types that sign users in through the browser, and so need redirect URIs. */
	public boolean redirects() {
		return this == WEB || this == SPA || this == NATIVE;
	}

	/** Types whose code may call the token endpoint from a web page, and so may need CORS origins. */
	public boolean runsInBrowsers() {
		return this == SPA || this == NATIVE;
	}

}
