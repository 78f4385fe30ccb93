package dev.oauthplatform.auth.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * RFC 8707: the {@code aud} of an access token. A client's tokens are for the APIs an admin
 * registered as its audiences, or for {@code auth.tokens.default-audience} when it has none. The
 * {@code resource} parameter narrows that to the APIs the client is about to call; naming any
 * other is {@code invalid_target}, so that no client can mint tokens for an API it was not given.
 */
public final class TokenAudiences {

	/** Client setting, written by the client store: its audiences in the order registered; empty for the default. */
	public static final String SETTING = "settings.client.audiences";

	static final String RESOURCE_PARAMETER = "resource";

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc8707#section-2";

	private TokenAudiences() {
	}

	/** @param resource the request's {@code resource} parameter: null, one String or a String[] */
	static List<String> of(RegisteredClient client, Object resource, String defaultAudience) {
		List<String> setting = client.getClientSettings().getSetting(SETTING);
		List<String> registered = (setting != null) ? setting : List.of();
		List<String> allowed = registered.isEmpty() ? List.of(defaultAudience) : registered;
		List<String> requested = (resource instanceof String single) ? List.of(single)
				: (resource instanceof String[] many) ? List.of(many) : List.of();
		if (requested.isEmpty()) {
			return allowed;
		}
		Set<String> audiences = new LinkedHashSet<>();
		for (String audience : requested) {
			if (!allowed.contains(audience)) {
				throw new OAuth2AuthenticationException(new OAuth2Error("invalid_target",
						"The resource parameter names an API this client is not registered for", ERROR_URI));
			}
			audiences.add(audience);
		}
		return List.copyOf(audiences);
	}

}
