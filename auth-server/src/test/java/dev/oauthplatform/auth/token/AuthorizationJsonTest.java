package dev.oauthplatform.auth.token;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A grant's signed-in principal, written as the framework's JSON and read back by our cachable
 * readers (PrincipalJson): the same user, authorities, factors and details; and the allow-list
 * of classes still decides what may be read.
 */
class AuthorizationJsonTest {

	private final AuthorizationJson json = new AuthorizationJson();

	@Test
	void aSignedInPrincipalReadsBackAsItWasWritten() {
		User user = new User("alice", "secret", true, true, true, true,
				List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN")));
		user.eraseCredentials();
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER"),
						FactorGrantedAuthority.withAuthority("FACTOR_PASSWORD").issuedAt(Instant.ofEpochSecond(1_800_000_000)).build()));
		signedIn.setDetails(new WebAuthenticationDetails("192.0.2.7", null));

		Object read = this.json.read(this.json.write(Map.of(Principal.class.getName(), signedIn)))
			.get(Principal.class.getName());

		assertThat(read).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		UsernamePasswordAuthenticationToken token = (UsernamePasswordAuthenticationToken) read;
		assertThat(token.isAuthenticated()).isTrue();
		assertThat(token.getCredentials()).isNull();
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_USER", "FACTOR_PASSWORD");
		assertThat(token.getAuthorities()).element(1).isInstanceOfSatisfying(FactorGrantedAuthority.class,
				(factor) -> assertThat(factor.getIssuedAt()).isEqualTo(Instant.ofEpochSecond(1_800_000_000)));
		assertThat(token.getDetails()).isEqualTo(signedIn.getDetails());
		assertThat(token.getPrincipal()).isInstanceOfSatisfying(User.class, (readUser) -> {
			assertThat(readUser.getUsername()).isEqualTo("alice");
			assertThat(readUser.getPassword()).isNull();
			assertThat(readUser.isEnabled()).isTrue();
			assertThat(readUser.getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
		});
	}

	@Test
	void aPrincipalOfAClassNotAllowListedIsRefused() {
		String written = this.json.write(Map.of(Principal.class.getName(),
				UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of())));
		String tampered = written.replace("\"principal\":\"alice\"",
				"\"principal\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"true\"]}");
		assertThat(tampered).isNotEqualTo(written);

		assertThatException().isThrownBy(() -> this.json.read(tampered)).withMessageContaining("ProcessBuilder");
	}

}
