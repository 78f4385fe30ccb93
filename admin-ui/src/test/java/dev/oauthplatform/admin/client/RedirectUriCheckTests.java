package dev.oauthplatform.admin.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUriCheckTests {

	@Test
	void httpsIsFineForEveryBrowserType() {
		assertThat(RedirectUriCheck.problem("https://shop.example.com/cb", ClientType.WEB)).isEmpty();
		assertThat(RedirectUriCheck.problem("https://app.example.com/", ClientType.SPA)).isEmpty();
	}

	@Test
	void httpOnlyOnLoopbackHosts() {
		assertThat(RedirectUriCheck.problem("http://localhost:8080/cb", ClientType.WEB)).isEmpty();
		assertThat(RedirectUriCheck.problem("http://127.0.0.1/cb", ClientType.NATIVE)).isEmpty();
		assertThat(RedirectUriCheck.problem("http://[::1]:9999/cb", ClientType.NATIVE)).isEmpty();
		assertThat(RedirectUriCheck.problem("http://shop.example.com/cb", ClientType.WEB)).get()
			.asString()
			.contains("use https");
	}

	@Test
	void nativeAppsUseLoopbackIpsNotLocalhostAsTheServerRequires() {
		assertThat(RedirectUriCheck.problem("http://localhost/callback", ClientType.NATIVE)).get()
			.asString()
			.contains("native apps use 127.0.0.1 or [::1] rather than localhost (RFC 8252 §8.3)");
		assertThat(RedirectUriCheck.problem("http://localhost:3000/callback", ClientType.SPA)).isEmpty();
	}

	@Test
	void wildcardsFragmentsAndUserInfoAreRefused() {
		assertThat(RedirectUriCheck.problem("https://*.example.com/cb", ClientType.WEB)).get().asString()
			.contains("wildcard");
		assertThat(RedirectUriCheck.problem("https://example.com/cb#x", ClientType.WEB)).get().asString()
			.contains("fragment");
		assertThat(RedirectUriCheck.problem("https://user:pw@example.com/cb", ClientType.WEB)).get().asString()
			.contains("user name");
	}

	@Test
	void relativeAndDangerousSchemesAreRefused() {
		assertThat(RedirectUriCheck.problem("/callback", ClientType.WEB)).get().asString().contains("absolute");
		assertThat(RedirectUriCheck.problem("javascript:alert(1)", ClientType.NATIVE)).get().asString()
			.contains("never allowed");
	}

	@Test
	void privateUseSchemesOnlyForNativeAppsAsReversedDomainNames() {
		assertThat(RedirectUriCheck.problem("com.example.app:/callback", ClientType.NATIVE)).isEmpty();
		assertThat(RedirectUriCheck.problem("myapp:/callback", ClientType.NATIVE)).get().asString()
			.contains("reversed domain name");
		assertThat(RedirectUriCheck.problem("com.example.app:/callback", ClientType.SPA)).get().asString()
			.contains("native apps only");
	}

	@Test
	void linesDropsBlanksAndSpaces() {
		assertThat(RedirectUriCheck.lines(" https://a.example/cb \r\n\n https://b.example/cb\n"))
			.containsExactly("https://a.example/cb", "https://b.example/cb");
	}

}
