package dev.oauthplatform.resource.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.util.StringUtils;

/**
 * The one place an OAuth error body is written: {@code {"error","error_description"}} as
 * {@code application/json;charset=UTF-8} (RFC 6749 §5.2, RFC 6750 §3), by Spring Security's
 * converter, so the description is JSON-escaped whatever it holds. No {@code error_uri}.
 */
public final class OAuthErrorWriter {

	private static final OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();

	static {
		// as Spring Security's own, but in a fixed order: error first
		converter.setErrorParametersConverter((error) -> {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put(OAuth2ParameterNames.ERROR, error.getErrorCode());
			if (StringUtils.hasText(error.getDescription())) {
				parameters.put(OAuth2ParameterNames.ERROR_DESCRIPTION, error.getDescription());
			}
			return parameters;
		});
	}

	private OAuthErrorWriter() {
	}

	/** Sets the status and writes the body; headers set before (a challenge) are kept. */
	public static void write(HttpServletResponse response, HttpStatus status, String errorCode, String description)
			throws IOException {
		response.setStatus(status.value());
		ServletServerHttpResponse body = new ServletServerHttpResponse(response);
		converter.write(new OAuth2Error(errorCode, description, null), MediaType.APPLICATION_JSON, body);
		body.flush();
	}

}
