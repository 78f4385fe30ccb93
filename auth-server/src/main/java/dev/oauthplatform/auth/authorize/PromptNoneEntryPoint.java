package dev.oauthplatform.auth.authorize;

import java.io.IOException;
import java.util.Arrays;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A signed-out browser at the authorization endpoint: with {@code prompt=none} the client asked
 * that no page be shown, so it gets {@code login_required} at its redirect URI (OIDC Core §3.1.2.6);
 * otherwise the sign-in page. The framework puts its authorization check before the endpoint, so
 * without this a silent request would land on the sign-in page.
 */
final class PromptNoneEntryPoint implements AuthenticationEntryPoint {

	private static final String PROMPT = "prompt";

	private static final String NONE = "none";

	private static final String LOGIN_REQUIRED = "login_required";

	private static final AnonymousAuthenticationToken ANONYMOUS = new AnonymousAuthenticationToken("anonymous",
			"anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final AuthenticationEntryPoint signInPage;

	private final RegisteredClientRepository clients;

	private final AuthorizationResponseHandler responses = new AuthorizationResponseHandler();

	public PromptNoneEntryPoint(AuthenticationEntryPoint signInPage, RegisteredClientRepository clients) {
		this.signInPage = signInPage;
		this.clients = clients;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		OAuth2AuthorizationCodeRequestAuthenticationToken validated = validatedRequest(request);
		String redirectUri = (validated != null && isSilent(validated)) ? redirectUri(validated) : null;
		if (redirectUri == null) {
			this.signInPage.commence(request, response, authException);
			return;
		}
		OAuth2AuthorizationCodeRequestAuthenticationToken silent = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				validated.getAuthorizationUri(), validated.getClientId(), ANONYMOUS, redirectUri, validated.getState(),
				validated.getScopes(), null);
		this.responses.onAuthenticationFailure(request, response,
				new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(LOGIN_REQUIRED,
						"The user is not signed in and prompt=none forbids asking", null), silent));
	}

	/**
	 * The request as the framework validated it (client, redirect URI, PKCE) before its
	 * authorization check; never the raw parameters, which a request the framework did not
	 * validate (a consent POST, a {@code request_uri}) could carry to an unregistered redirect.
	 */
	private static OAuth2AuthorizationCodeRequestAuthenticationToken validatedRequest(HttpServletRequest request) {
		Object validated = request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName());
		return (validated instanceof OAuth2AuthorizationCodeRequestAuthenticationToken token) ? token : null;
	}

	private static boolean isSilent(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		Object prompt = request.getAdditionalParameters().get(PROMPT);
		return prompt instanceof String value && Arrays.asList(value.split(" ")).contains(NONE);
	}

	/** The validated redirect_uri, or the client's only registered one when the request named none. */
	private String redirectUri(OAuth2AuthorizationCodeRequestAuthenticationToken request) {
		if (request.getRedirectUri() != null) {
			return request.getRedirectUri();
		}
		RegisteredClient client = this.clients.findByClientId(request.getClientId());
		return (client != null && client.getRedirectUris().size() == 1) ? client.getRedirectUris().iterator().next()
				: null;
	}

}
