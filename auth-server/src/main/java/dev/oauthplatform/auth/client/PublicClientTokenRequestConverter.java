package dev.oauthplatform.auth.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

import dev.oauthplatform.auth.grant.password.PasswordGrant;

/**
 * Recognises a public client (only {@code client_id}, no secret) on the refresh and password
 * grants, and at the revocation endpoint (RFC 7009 §2.1: a public client identifies itself). The
 * framework authenticates public clients only on the PKCE code exchange, so a SPA or CLI could
 * neither refresh nor revoke its tokens without this.
 */
public final class PublicClientTokenRequestConverter implements AuthenticationConverter {

	private static final String AUTHORIZATION_CODE = AuthorizationGrantType.AUTHORIZATION_CODE.getValue();

	/**
	 * The code exchange is here only for a request without {@code code_verifier}, which the
	 * framework's own public-client converter ignores (the client then got 401 invalid_client).
	 */
	private static final Set<String> GRANTS = Set.of(AuthorizationGrantType.REFRESH_TOKEN.getValue(),
			PasswordGrant.GRANT_TYPE.getValue(), AUTHORIZATION_CODE);

	private static final String REVOCATION_PATH = "/oauth2/revoke";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		boolean revocation = grantType == null && request.getRequestURI().endsWith(REVOCATION_PATH);
		if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| !(revocation || (grantType != null && GRANTS.contains(grantType)))
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
			return null;
		}
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null) {
			return null;
		}
		if (clientIds.length != 1 || clientIds[0].isBlank()) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		Map<String, Object> additionalParameters = new HashMap<>();
		if (AUTHORIZATION_CODE.equals(grantType)) {
			// the framework's provider checks the code_verifier among them: RFC 7636 §4.6 invalid_grant if absent
			request.getParameterMap().forEach((name, values) -> additionalParameters.put(name, values[0]));
			additionalParameters.remove(OAuth2ParameterNames.CLIENT_ID);
		}
		if (grantType != null) {
			additionalParameters.put(OAuth2ParameterNames.GRANT_TYPE, grantType);
		}
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				additionalParameters);
	}

}
