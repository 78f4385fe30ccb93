package dev.oauthplatform.auth.authorize;

import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A refused request told in words: for the user, what went wrong; for the developer of the
 * application, what to check. The framework names the offending parameter in the error's
 * description, so that is what picks the explanation.
 *
 * @param title the page's heading
 * @param problem what is wrong, for the person who was sent here
 * @param developerCheck what the application's developer should check
 * @param errorCode the OAuth error code, shown for the developer
 * @param errorDescription the error's description, shown for the developer
 */
record RefusedRequest(String title, String problem, String developerCheck, String errorCode,
		String errorDescription) {

	static RefusedRequest explain(OAuth2Error error, Function<String, String[]> parameters, RegisteredClient client) {
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		String app = (client != null) ? "“" + client.getClientName() + "”" : "The application";
		if (description.contains("post_logout_redirect_uri")) {
			return new RefusedRequest("This sign-out return address is not registered",
					app + " asked to send you to " + shown(parameters, "post_logout_redirect_uri")
							+ " after signing out, but that address is not registered for it. You are still signed in,"
							+ " and you were not sent there.",
					"Register the post_logout_redirect_uri for client " + clientId(parameters, client)
							+ " in the admin console exactly as the application sends it, or send one that is registered.",
					error.getErrorCode(), description);
		}
		if (description.contains("id_token_hint")) {
			return new RefusedRequest("This sign-out request cannot be checked",
					app + " asked to sign you out without a valid ID token from this server, so the request cannot be"
							+ " trusted. You are still signed in.",
					"Send the ID token this server issued at sign-in as id_token_hint, exactly once.",
					error.getErrorCode(), description);
		}
		if (description.contains("client_id")) {
			return new RefusedRequest("This application is not known here",
					"The request names an application (client_id " + shown(parameters, "client_id")
							+ ") that is not registered on this server, or has been disabled.",
					"Send the client_id shown for the application in the admin console, exactly once; an"
							+ " administrator may also have disabled the client.",
					error.getErrorCode(), description);
		}
		if (description.contains("redirect_uri")) {
			return new RefusedRequest("This application's return address is not registered",
					app + " asked to send you back to " + shown(parameters, "redirect_uri")
							+ ", but that redirect URI is not registered for this application. For your safety you"
							+ " were not sent there.",
					"Register the redirect_uri for client " + clientId(parameters, client)
							+ " in the admin console exactly as the application sends it: scheme, host, port, path and"
							+ " a trailing slash all count, and there are no wildcards. Or send one that is registered.",
					error.getErrorCode(), description);
		}
		return new RefusedRequest("This request cannot be completed",
				app + " sent a request this server refuses.",
				"Read the error below and correct the request; RFC 6749 §4.1.2.1 lists what an authorization request"
						+ " must carry.",
				error.getErrorCode(), description);
	}

	/** A parameter as sent, or why there is none to show. */
	private static String shown(Function<String, String[]> parameters, String name) {
		String[] values = parameters.apply(name);
		if (values == null || values.length == 0 || values[0].isEmpty()) {
			return "(none given)";
		}
		return (values.length == 1) ? "“" + values[0] + "”" : "(given " + values.length + " times)";
	}

	private static String clientId(Function<String, String[]> parameters, RegisteredClient client) {
		return (client != null) ? "“" + client.getClientId() + "”" : shown(parameters, "client_id");
	}

}
