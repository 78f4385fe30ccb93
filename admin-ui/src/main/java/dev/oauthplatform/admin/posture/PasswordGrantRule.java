package dev.oauthplatform.admin.posture;

import java.util.Optional;

/** RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used. */
final class PasswordGrantRule implements PostureRule {

	static final String ID = "password-grant";

	@Override
	public Optional<Finding> check(ClientSettings client) {
		if (!client.hasGrant("password")) {
			return Optional.empty();
		}
		return Optional.of(Finding.warn(ID, "Password grant in use",
				"This tool handles the user's password itself: the password is exposed to the client, and "
						+ "sign-in cannot add a second factor or any step the authorization server would show. "
						+ "Move it to the browser: a native client with a loopback redirect and PKCE, or the device "
						+ "authorization grant (RFC 8628) when auth-server offers it. There is no one-click fix: "
						+ "the tool itself has to change.",
				"RFC 9700 §2.4"));
	}

}
