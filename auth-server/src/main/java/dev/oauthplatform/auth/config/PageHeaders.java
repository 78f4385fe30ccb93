package dev.oauthplatform.auth.config;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Response headers for the pages this server renders (sign-in, consent, errors, sign-out):
 * no script at all and nothing framed (clickjacking of the consent page), no URL leaked in a
 * Referer (an authorization request carries state and a PKCE challenge), and HSTS whenever the
 * issuer is https, also behind a proxy that ends TLS. No {@code form-action}: the consent form's
 * answer redirects to the client, which browsers would check against it.
 */
final class PageHeaders {

	private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			+ "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

	private PageHeaders() {
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> forIssuer(String issuer) {
		boolean https = issuer.startsWith("https:");
		return (headers) -> {
			headers.contentSecurityPolicy((csp) -> csp.policyDirectives(POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER));
			if (https) {
				headers.httpStrictTransportSecurity((hsts) -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
					.maxAgeInSeconds(31536000)
					.includeSubDomains(true));
			}
			else {
				headers.httpStrictTransportSecurity((hsts) -> hsts.disable());
			}
		};
	}

}
