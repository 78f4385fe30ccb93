package dev.oauthplatform.auth.consent;

import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.oauthplatform.auth.page.ErrorPage;
import dev.oauthplatform.auth.scope.ScopeDescriptions;

/**
 * The consent page of a third-party application: each scope it asks for as a sentence, those the
 * user allowed before listed apart. The form goes back to the authorization endpoint, which
 * records the consent ({@link ConsentDecision} handles "Deny").
 */
@Controller
class ConsentController {

	static final String PATH = "/oauth2/consent";

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationConsentService consents;

	private final ScopeDescriptions scopes;

	ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
			ScopeDescriptions scopes) {
		this.clients = clients;
		this.consents = consents;
		this.scopes = scopes;
	}

	@GetMapping(PATH)
	String consent(Principal user, @RequestParam("client_id") String clientId, @RequestParam("scope") String scope,
			@RequestParam("state") String state, Model model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			ErrorPage.render(request, response,
					new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: client_id", null));
			return null;
		}
		Set<String> requested = new TreeSet<>(Arrays.asList(scope.trim().split("\\s+")));
		Set<String> allowedBefore = allowedBefore(client, user.getName());
		allowedBefore.retainAll(requested);
		Set<String> asked = new TreeSet<>(requested);
		asked.removeAll(allowedBefore);
		// the framework grants openid with any other scope: it is told, not asked
		boolean identity = asked.remove(OidcScopes.OPENID) | allowedBefore.remove(OidcScopes.OPENID);
		model.addAttribute("appName", client.getClientName());
		// a first-party native app asked to confirm which app it is (ConsentRequired)
		model.addAttribute("firstParty", !client.getClientSettings().isRequireAuthorizationConsent());
		model.addAttribute("clientId", clientId);
		model.addAttribute("state", state);
		model.addAttribute("asked", this.scopes.describe(asked));
		model.addAttribute("allowedBefore", this.scopes.describe(allowedBefore));
		model.addAttribute("identity", identity ? this.scopes.describe(Set.of(OidcScopes.OPENID)).get(0) : null);
		return "consent/consent";
	}

	private Set<String> allowedBefore(RegisteredClient client, String username) {
		OAuth2AuthorizationConsent consent = this.consents.findById(client.getId(), username);
		return (consent != null) ? new TreeSet<>(consent.getScopes()) : new TreeSet<>();
	}

}
