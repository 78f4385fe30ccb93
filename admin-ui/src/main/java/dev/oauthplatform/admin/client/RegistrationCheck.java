package dev.oauthplatform.admin.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.oauthplatform.admin.api.AdminApiException;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * What auth-server would refuse of a registration, asked of its dry run
 * ({@code POST /admin/api/clients/validate}). The rules and their words are auth-server's; the
 * console holds no copy. When auth-server cannot be asked, the check says nothing: the real
 * request then reports whatever auth-server answers.
 */
@Component
class RegistrationCheck {

	static final String REDIRECT_URIS = "redirect_uris";

	static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";

	private static final Log logger = LogFactory.getLog(RegistrationCheck.class);

	private final ClientsApi clients;

	RegistrationCheck(ClientsApi clients) {
		this.clients = clients;
	}

	/** The problems, none when it would be registered; empty when auth-server could not say. */
	Optional<List<ClientsApi.Problem>> problems(Map<String, Object> metadata) {
		try {
			ClientsApi.Validation validation = this.clients.validate(metadata);
			return Optional.ofNullable(validation).map(ClientsApi.Validation::problems);
		}
		catch (AdminApiException | RestClientException | OAuth2AuthorizationException ex) {
			logger.debug("auth-server could not check a registration: " + ex.getMessage());
			return Optional.empty();
		}
	}

}
