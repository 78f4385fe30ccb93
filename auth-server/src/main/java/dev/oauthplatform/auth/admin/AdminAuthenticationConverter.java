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
		AppUser user = this.users.findById(jwt.getSubject())
			.filter(AppUser::isEnabled)
			.orElseThrow(() -> new InvalidBearerTokenException("The token's user is unknown or disabled"));
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		user.getRoles().forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return new JwtAuthenticationToken(jwt, (Collection<GrantedAuthority>) authorities, user.getUsername());
	}

}
