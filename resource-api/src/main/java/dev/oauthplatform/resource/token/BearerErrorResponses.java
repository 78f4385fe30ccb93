package dev.oauthplatform.resource.token;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.oauthplatform.resource.web.OAuthErrorWriter;

/**
 * RFC 6750 §3 errors, in the {@code WWW-Authenticate} challenge and as a JSON body
 * ({@code {"error","error_description"}}):
 * <ul>
 * <li>no token: 401, {@code Bearer} without an error code (§3.1), body error {@code unauthorized};</li>
 * <li>a bad token: 401 {@code invalid_token};</li>
 * <li>a token without the scope a request needs: 403 {@code insufficient_scope} with
 * {@code scope="..."} naming it;</li>
 * <li>the issuer unreachable: 503 {@code temporarily_unavailable}, no challenge.</li>
 * </ul>
 */
public final class BearerErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String ERROR_URI = "https://tools.ietf.org/html/rfc6750#section-3.1";

	static final String SCOPE_PREFIX = "SCOPE_";

	private final BearerTokenAuthenticationEntryPoint challenges = new BearerTokenAuthenticationEntryPoint();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof OAuth2AuthenticationException oauth2
				&& IssuerUnavailableException.ERROR_CODE.equals(oauth2.getError().getErrorCode())) {
			OAuthErrorWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE, oauth2.getError().getErrorCode(),
					oauth2.getError().getDescription());
			return;
		}
		// status and challenge as Spring Security words them (it checks the description's characters)
		this.challenges.commence(request, response, failure);
		if (failure instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			OAuthErrorWriter.write(response, HttpStatus.valueOf(response.getStatus()), error.getErrorCode(),
					(error.getDescription() != null) ? error.getDescription() : "The access token is not valid");
		}
		else {
			OAuthErrorWriter.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
					"A bearer token is required (Authorization: Bearer <access token>)");
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String scope = requiredScope(denied);
		String description = (scope != null) ? "This request requires scope " + scope
				: "The access token does not allow this request";
		StringBuilder challenge = new StringBuilder("Bearer error=\"").append(BearerTokenErrorCodes.INSUFFICIENT_SCOPE)
			.append("\", error_description=\"")
			.append(description)
			.append("\", error_uri=\"")
			.append(ERROR_URI)
			.append('"');
		if (scope != null) {
			challenge.append(", scope=\"").append(scope).append('"');
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge.toString());
		OAuthErrorWriter.write(response, HttpStatus.FORBIDDEN, BearerTokenErrorCodes.INSUFFICIENT_SCOPE, description);
	}

	/** The scopes the failed rule asked for (authorization rules are {@code hasAuthority("SCOPE_...")}). */
	private static String requiredScope(AccessDeniedException denied) {
		if (denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
			String scopes = decision.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((authority) -> authority != null && authority.startsWith(SCOPE_PREFIX))
				.map((authority) -> authority.substring(SCOPE_PREFIX.length()))
				.filter((scope) -> scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"))
				.sorted()
				.collect(Collectors.joining(" "));
			return scopes.isEmpty() ? null : scopes;
		}
		return null;
	}

}
