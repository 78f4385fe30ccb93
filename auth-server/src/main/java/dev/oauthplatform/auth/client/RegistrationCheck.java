package dev.oauthplatform.auth.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.oauthplatform.auth.client.InvalidClientMetadataException.metadata;

/**
 * A registration tried without storing anything (the admin API's dry run, which the console asks
 * as the admin types): every redirect URI and post-logout redirect URI on its own, so each bad one
 * is named, then, when those are fine, the whole registration as {@link ClientRegistrar} would
 * check it. The words are those of {@link RedirectUriRules} and {@link ClientPolicy}: there is no
 * second copy of the rules.
 */
@Service
public class RegistrationCheck {

	public static final String REDIRECT_URIS = "redirect_uris";

	public static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";

	private final ClientDefaults defaults;

	private final OAuthClientRepository clients;

	RegistrationCheck(ClientDefaults defaults, OAuthClientRepository clients) {
		this.defaults = defaults;
		this.clients = clients;
	}

	/**
	 * What registration would refuse: one problem per refused URI, or else the first refusal of
	 * the whole registration; empty when it would succeed.
	 *
	 * @param postLogoutRedirectUris null when not given
	 * @param allowedCorsOrigins null when not given
	 */
	@Transactional(readOnly = true)
	public List<Problem> check(NewClient request, Set<String> postLogoutRedirectUris, Set<String> allowedCorsOrigins) {
		List<Problem> problems = new ArrayList<>();
		if (request.clientType() != null) {
			eachUri(REDIRECT_URIS, request.redirectUris(), request.clientType(), problems);
			eachUri(POST_LOGOUT_REDIRECT_URIS, postLogoutRedirectUris, request.clientType(), problems);
		}
		if (problems.isEmpty()) {
			try {
				wholeRegistration(request, allowedCorsOrigins);
			}
			catch (InvalidClientMetadataException ex) {
				String field = InvalidClientMetadataException.INVALID_REDIRECT_URI.equals(ex.error()) ? REDIRECT_URIS
						: null;
				problems.add(new Problem(field, null, ex.error(), ex.getMessage()));
			}
		}
		return problems;
	}

	private static void eachUri(String field, Set<String> uris, ClientType type, List<Problem> problems) {
		if (uris == null) {
			return;
		}
		for (String uri : uris) {
			try {
				RedirectUriRules.check(uri, type);
			}
			catch (InvalidClientMetadataException ex) {
				problems.add(new Problem(field, uri, ex.error(), ex.getMessage()));
			}
		}
	}

	/** The steps of {@link ClientRegistrar#register(NewClient)} and the admin API's, short of storing. */
	private void wholeRegistration(NewClient request, Set<String> allowedCorsOrigins) {
		if (request.clientType() == null) {
			throw metadata("client_type is required: one of web, spa, native, m2m, cli");
		}
		OAuthClient client = new OAuthClient();
		client.setClientId((request.clientId() != null) ? request.clientId() : UUID.randomUUID().toString());
		client.setClientType(request.clientType());
		this.defaults.apply(client, request);
		ClientPolicy.check(client);
		if (request.clientId() != null && this.clients.existsByClientId(request.clientId())) {
			throw metadata("client_id '" + request.clientId() + "' is already registered");
		}
		if (allowedCorsOrigins != null) {
			allowedCorsOrigins.forEach(WebOrigin::checkAllowed);
		}
	}

	/**
	 * One refusal: the field and the value it is about (both may be null for a refusal of the
	 * registration as a whole), the RFC 7591 error code and the description a person can act on.
	 */
	public record Problem(String field, String value, String error, String errorDescription) {
	}

}
