package dev.oauthplatform.auth.authorize;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A signed-out browser at the authorization endpoint: with {@code prompt=none} the client asked
 * that no page be shown, so it gets {@code login_required} at its redirect URI (OIDC Core §3.1.2.6);
 * otherwise the sign-in page. The framework puts its authorization check before the endpoint, so
 * without this a silent request would land on the sign-in page. The request was validated before
 * (client, redirect URI, PKCE): its redirect URI is the client's.
 */
public final class PromptNoneEntryPoint implements AuthenticationEntryPoint {

	private static final String PROMPT = "prompt";

	private static final String NONE = "none";

	private static final String LOGIN_REQUIRED = "login_required";

	private final AuthenticationEntryPoint signInPage;

	private final RegisteredClientRepository clients;

	private final AuthorizationResponseHandler responses = new AuthorizationResponseHandler();

	public PromptNoneEntryPoint(AuthenticationEntryPoint signInPage, RegisteredClientRepository clients) {
		this.signInPage = signInPage;
		this.clients = clients;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, jakarta.servlet.ServletException {
		String redirectUri = silentRequestRedirectUri(request);
		if (redirectUri == null) {
			this.signInPage.commence(request, response, authException);
			return;
		}
		OAuth2AuthorizationCodeRequestAuthenticationToken silent = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				request.getRequestURL().toString(), request.getParameter(OAuth2ParameterNames.CLIENT_ID),
				new AnonymousAuthenticationToken("anonymous", "anonymous",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
				redirectUri, request.getParameter(OAuth2ParameterNames.STATE), Set.of(), null);
		this.responses.onAuthenticationFailure(request, response,
				new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(LOGIN_REQUIRED,
						"The user is not signed in and prompt=none forbids asking", null), silent));
	}

	/** Where a {@code prompt=none} request's error goes: its redirect_uri, or the client's only one. */
	private String silentRequestRedirectUri(HttpServletRequest request) {
		String prompt = request.getParameter(PROMPT);
		if (prompt == null || !Arrays.asList(prompt.split(" ")).contains(NONE)) {
			return null;
		}
		String redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
		if (redirectUri != null) {
			return redirectUri;
		}
		String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		RegisteredClient client = (clientId != null) ? this.clients.findByClientId(clientId) : null;
		return (client != null && client.getRedirectUris().size() == 1) ? client.getRedirectUris().iterator().next()
				: null;
	}

}
