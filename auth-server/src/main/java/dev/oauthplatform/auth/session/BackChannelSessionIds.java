package dev.oauthplatform.auth.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * The session cookie, read everywhere but at the endpoints a browser session means nothing to:
 * token, introspection, revocation, JWKS, discovery, userinfo. There a request that happens to
 * bring the cookie (a same-site fetch, a proxy that forwards it) finds no session: the framework
 * would otherwise load it (to note its id in the authentication details), and loading a stored
 * session writes its last access time back to SPRING_SESSION, on every token request.
 */
final class BackChannelSessionIds implements HttpSessionIdResolver {

	/** The name it had before Spring Session (whose default is SESSION); admin-ui names its own against it. */
	static final String COOKIE_NAME = "JSESSIONID";

	private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

	private final RequestMatcher backChannel;

	BackChannelSessionIds(RequestMatcher backChannel) {
		this.backChannel = backChannel;
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(COOKIE_NAME);
		// as the servlet container's cookie was: HttpOnly, Secure over HTTPS, and no SameSite (the
		// serializer's default is Lax), since OpenID Connect lets an application POST a logout or an
		// authorization request to us from its own site, and Lax would leave the cookie out of it
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite(null);
		this.cookies.setCookieSerializer(cookie);
	}

	@Override
	public List<String> resolveSessionIds(HttpServletRequest request) {
		return this.backChannel.matches(request) ? List.of() : this.cookies.resolveSessionIds(request);
	}

	@Override
	public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		if (this.backChannel.matches(request)) {
			// a session created here by mistake must not replace the browser's own cookie
			return;
		}
		this.cookies.setSessionId(request, response, sessionId);
	}

	@Override
	public void expireSession(HttpServletRequest request, HttpServletResponse response) {
		this.cookies.expireSession(request, response);
	}

}
