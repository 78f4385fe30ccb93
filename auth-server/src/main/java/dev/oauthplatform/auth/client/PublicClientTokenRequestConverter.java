package dev.oauthplatform.auth.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

import dev.oauthplatform.auth.protocol.Supported;

/**
 * Where a public client (only {@code client_id}, no secret) may identify itself: on the refresh,
 * password and device code grants at the token endpoint, at the device authorization endpoint
 * (RFC 8628 §3.1) and at the revocation endpoint (RFC 7009 §2.1). The
 * framework authenticates public clients only on the PKCE code exchange, so a SPA or CLI could
 * neither refresh nor revoke its tokens without this. Introspection refuses public clients outright
 * (RFC 7662 §2.1: it is for protected resources, which can keep a secret), whatever else the
 * request carries: otherwise a public client could read any token's subject and scopes.
 */
final class PublicClientTokenRequestConverter implements AuthenticationConverter {

	private static final String INTROSPECTION_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7662#section-2.1";

	private static final String AUTHORIZATION_CODE = AuthorizationGrantType.AUTHORIZATION_CODE.getValue();

	/**
	 * The code exchange is here only for a request without {@code code_verifier}, which the
	 * framework's own public-client converter ignores (the client then got 401 invalid_client).
	 */
	private static final Set<String> GRANTS = Set.of(AuthorizationGrantType.REFRESH_TOKEN.getValue(),
			Supported.PASSWORD_GRANT.getValue(), AuthorizationGrantType.DEVICE_CODE.getValue(), AUTHORIZATION_CODE);

	private final RequestMatcher tokenEndpoint;

	private final RequestMatcher revocationEndpoint;

	private final RequestMatcher introspectionEndpoint;

	private final RequestMatcher deviceAuthorizationEndpoint;

	public PublicClientTokenRequestConverter(AuthorizationServerSettings endpoints) {
		Assert.notNull(endpoints, "endpoints cannot be null");
		this.tokenEndpoint = post(endpoints.getTokenEndpoint());
		this.revocationEndpoint = post(endpoints.getTokenRevocationEndpoint());
		this.introspectionEndpoint = post(endpoints.getTokenIntrospectionEndpoint());
		this.deviceAuthorizationEndpoint = post(endpoints.getDeviceAuthorizationEndpoint());
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null || hasClientCredentials(request)) {
			return null;
		}
		if (this.introspectionEndpoint.matches(request)) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
					"Public clients cannot introspect tokens", INTROSPECTION_ERROR_URI));
		}
		String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
		boolean grant = grantType != null && GRANTS.contains(grantType) && this.tokenEndpoint.matches(request);
		if (!grant && !this.revocationEndpoint.matches(request) && !this.deviceAuthorizationEndpoint.matches(request)) {
			return null;
		}
		if (clientIds.length != 1 || clientIds[0].isBlank()) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		Map<String, Object> additionalParameters = new HashMap<>();
		if (grant && AUTHORIZATION_CODE.equals(grantType)) {
			// the framework's provider checks the code_verifier among them: RFC 7636 §4.6 invalid_grant if absent
			request.getParameterMap().forEach((name, values) -> additionalParameters.put(name, values[0]));
			additionalParameters.remove(OAuth2ParameterNames.CLIENT_ID);
		}
		if (grant) {
			additionalParameters.put(OAuth2ParameterNames.GRANT_TYPE, grantType);
		}
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				additionalParameters);
	}

	private static boolean hasClientCredentials(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null;
	}

	private static RequestMatcher post(String path) {
		return PathPatternRequestMatcher.pathPattern(HttpMethod.POST, path);
	}

}
