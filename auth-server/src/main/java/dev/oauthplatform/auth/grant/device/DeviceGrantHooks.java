package dev.oauthplatform.auth.grant.device;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.oauthplatform.auth.protocol.ProtocolHook;
import dev.oauthplatform.auth.user.SignInMetrics;

/**
 * The device authorization grant (RFC 8628): the framework's device authorization endpoint,
 * pointing people at our verification page ({@value ActivateController#PATH}) and telling devices
 * the interval; its token endpoint grant, paced ({@link DeviceCodePolling}). The framework's own
 * verification endpoint is switched off: users approve on /activate only, where code entry is
 * rationed and every request is confirmed.
 */
@Component
@EnableConfigurationProperties(DeviceGrantProperties.class)
class DeviceGrantHooks implements ProtocolHook {

	private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

	private static final String VERIFICATION_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc8628#section-3.3";

	private final PollingPace pace;

	private final OAuth2AuthorizationService authorizations;

	private final AuthorizationServerSettings endpoints;

	private final SignInMetrics signIns;

	private final OAuth2DeviceAuthorizationResponseHttpMessageConverter responses = new OAuth2DeviceAuthorizationResponseHttpMessageConverter();

	DeviceGrantHooks(PollingPace pace, OAuth2AuthorizationService authorizations,
			AuthorizationServerSettings endpoints, SignInMetrics signIns) {
		this.pace = pace;
		this.authorizations = authorizations;
		this.endpoints = endpoints;
		this.signIns = signIns;
	}

	@Override
	public void customize(OAuth2AuthorizationServerConfigurer server) {
		server
			.deviceAuthorizationEndpoint((endpoint) -> endpoint
				.deviceAuthorizationRequestConverter(new DeviceAuthorizationDefaultScopesConverter())
				.deviceAuthorizationResponseHandler((request, response, authentication) -> {
					recordOrigin(request, authentication);
					respond(response, authentication);
				}))
			.deviceVerificationEndpoint((endpoint) -> endpoint.deviceVerificationRequestConverter((request) -> {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
						"Enter the code at " + ActivateController.PATH, VERIFICATION_ERROR_URI));
			}).errorResponseHandler((request, response, ex) -> response.sendRedirect(ActivateController.PATH)));
	}

	@Override
	public AuthenticationProvider tokenEndpointProvider(AuthenticationProvider provider) {
		return (provider instanceof OAuth2DeviceCodeAuthenticationProvider)
				? new DeviceCodePolling(provider, this.pace, this.authorizations, this.signIns) : provider;
	}

	private void recordOrigin(HttpServletRequest request, Authentication authentication) {
		OAuth2DeviceCode deviceCode = ((OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication)
			.getDeviceCode();
		OAuth2Authorization authorization = this.authorizations.findByToken(deviceCode.getTokenValue(), DEVICE_CODE);
		if (authorization != null) {
			OAuth2Authorization.Builder withOrigin = OAuth2Authorization.from(authorization);
			new RequestOrigin(request.getRemoteAddr(), deviceCode.getIssuedAt()).addTo(withOrigin);
			this.authorizations.save(withOrigin.build());
		}
	}

	/** The framework's response, with the verification URI on the issuer and the interval said. */
	private void respond(HttpServletResponse response, Authentication authentication) throws IOException {
		OAuth2DeviceAuthorizationRequestAuthenticationToken issued = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
		OAuth2DeviceCode deviceCode = issued.getDeviceCode();
		String verificationUri = UriComponentsBuilder.fromUriString(this.endpoints.getIssuer())
			.path(ActivateController.PATH)
			.build()
			.toUriString();
		String complete = UriComponentsBuilder.fromUriString(verificationUri)
			.queryParam(OAuth2ParameterNames.USER_CODE, issued.getUserCode().getTokenValue())
			.build()
			.toUriString();
		this.responses.write(OAuth2DeviceAuthorizationResponse.with(deviceCode, issued.getUserCode())
			.verificationUri(verificationUri)
			.verificationUriComplete(complete)
			.interval(this.pace.interval().toSeconds())
			.build(), null, new ServletServerHttpResponse(response));
	}

}
