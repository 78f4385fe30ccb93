package dev.oauthplatform.admin.config;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * The signed-in admin's tokens, kept in their session, which lives in the database. Only the
 * tokens and whose they are: an {@link OAuth2AuthorizedClient} also carries the client
 * registration, the console's client secret included, which has no place in a session row. The
 * registration is today's when the tokens are read, so a new console secret also serves the
 * sessions signed in before it. Logging out or the session expiring drops the tokens.
 */
final class SessionTokens implements OAuth2AuthorizedClientRepository {

	private static final String ATTRIBUTE = SessionTokens.class.getName() + ".";

	private final ClientRegistrationRepository registrations;

	SessionTokens(ClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
			HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Tokens tokens = (session != null) ? (Tokens) session.getAttribute(ATTRIBUTE + registrationId) : null;
		ClientRegistration registration = (tokens != null) ? this.registrations.findByRegistrationId(registrationId)
				: null;
		return (registration != null)
				? (T) new OAuth2AuthorizedClient(registration, tokens.principalName(), tokens.accessToken(),
						tokens.refreshToken())
				: null;
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		request.getSession()
			.setAttribute(ATTRIBUTE + client.getClientRegistration().getRegistrationId(), new Tokens(
					client.getPrincipalName(), client.getAccessToken(), client.getRefreshToken()));
	}

	@Override
	public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE + registrationId);
		}
	}

	/** What a session keeps; serialized into the session's row, so renaming it signs everyone out. */
	record Tokens(String principalName, OAuth2AccessToken accessToken, OAuth2RefreshToken refreshToken)
			implements Serializable {

		/** Never the tokens themselves. */
		@Override
		public String toString() {
			return "Tokens[" + this.principalName + "]";
		}

	}

}
