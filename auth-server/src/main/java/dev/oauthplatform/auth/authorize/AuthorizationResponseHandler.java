package dev.oauthplatform.auth.authorize;

import dev.oauthplatform.auth.page.ErrorPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authorization responses with the {@code iss} parameter (RFC 9207), so a client talking to
 * several servers can detect mix-up attacks. Errors go back to the client only when its
 * redirect URI was verified; otherwise the user sees an error page (RFC 6749 §4.1.2.1).
 */
final class AuthorizationResponseHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationToken result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
			.queryParam(OAuth2ParameterNames.CODE, encode(result.getAuthorizationCode().getTokenValue()));
		redirect(response, withStateAndIssuer(uri, result.getState()));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		OAuth2AuthorizationCodeRequestAuthenticationToken rejected = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest)
				? codeRequest.getAuthorizationCodeRequestAuthentication() : null;
		if (rejected == null || rejected.getRedirectUri() == null) {
			ErrorPage.render(request, response, error);
			return;
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(rejected.getRedirectUri())
			.queryParam(OAuth2ParameterNames.ERROR, encode(error.getErrorCode()));
		if (error.getDescription() != null) {
			uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
		}
		if (error.getUri() != null) {
			uri.queryParam(OAuth2ParameterNames.ERROR_URI, encode(error.getUri()));
		}
		redirect(response, withStateAndIssuer(uri, rejected.getState()));
	}

	private static UriComponentsBuilder withStateAndIssuer(UriComponentsBuilder uri, String state) {
		if (state != null && !state.isEmpty()) {
			uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
		}
		return uri.queryParam("iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
	}

	private static void redirect(HttpServletResponse response, UriComponentsBuilder uri) throws IOException {
		response.sendRedirect(uri.build(true).toUriString());
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
