package dev.oauthplatform.auth.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import dev.oauthplatform.auth.user.AppUser;
import dev.oauthplatform.auth.user.AppUserRepository;

/** The token's scopes plus the roles its user holds now, looked up by {@code sub}. */
final class AdminAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	private final AppUserRepository users;

	AdminAuthenticationConverter(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		if (isClientsOwnToken(jwt)) {
			// a valid token, but no user's: it holds no role, so the answer is 403 insufficient_scope
			return new JwtAuthenticationToken(jwt, (Collection<GrantedAuthority>) authorities, jwt.getSubject());
		}
		AppUser user = this.users.findById(jwt.getSubject())
			.filter(AppUser::isEnabled)
			.orElseThrow(() -> new InvalidBearerTokenException("The token's user is unknown or disabled"));
		user.getRoles().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return new JwtAuthenticationToken(jwt, (Collection<GrantedAuthority>) authorities, user.getUsername());
	}

	/** A client_credentials token names its client as subject (RFC 9068 §2.2). */
	private static boolean isClientsOwnToken(Jwt jwt) {
		return jwt.getSubject() != null && jwt.getSubject().equals(jwt.getClaimAsString("client_id"))
				&& jwt.getClaimAsString("preferred_username") == null;
	}

}
