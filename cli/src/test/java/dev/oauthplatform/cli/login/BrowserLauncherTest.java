package dev.oauthplatform.cli.login;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses from the server oauthctl opens, and what it prints about them. */
class BrowserLauncherTest {

	@Test
	void httpsPagesAreOpened() {
		assertThat(BrowserLauncher.mayOpen(URI.create("https://id.example/activate?user_code=WDJB-MJHT"))).isTrue();
		assertThat(BrowserLauncher.mayOpen(URI.create("HTTPS://id.example/activate"))).isTrue();
	}

	@Test
	void plainHttpIsOpenedOnlyOnThisMachine() {
		assertThat(BrowserLauncher.mayOpen(URI.create("http://localhost:9000/activate"))).isTrue();
		assertThat(BrowserLauncher.mayOpen(URI.create("http://127.0.0.1:9000/activate"))).isTrue();
		assertThat(BrowserLauncher.mayOpen(URI.create("http://[::1]:9000/activate"))).isTrue();
		assertThat(BrowserLauncher.mayOpen(URI.create("http://id.example/activate"))).isFalse();
		assertThat(BrowserLauncher.mayOpen(URI.create("http://localhost.evil.example/activate"))).isFalse();
		assertThat(BrowserLauncher.mayOpen(URI.create("http://127.0.0.1.evil.example/activate"))).isFalse();
	}

	@Test
	void noOtherSchemeIsOpened() {
		for (String page : new String[] { "file:///etc/passwd", "smb://attacker.example/share", "search-ms:query=x",
				"javascript:alert(1)", "ms-msdt:/id", "ftp://id.example/activate", "/activate" }) {
			assertThat(BrowserLauncher.mayOpen(URI.create(page))).as(page).isFalse();
		}
	}

	@Test
	void thePageAndCodeFromTheServerArePrintedWithoutControlCharacters() {
		StringWriter err = new StringWriter();

		DeviceFlow.tell(new PrintWriter(err), URI.create("https://id.example/activate"), "WDJB\u001b[8m-MJHT", 300);

		assertThat(err.toString()).contains("check that it shows the code WDJB[8m-MJHT.").doesNotContain("\u001b");
	}

	@Test
	void aPlainHttpIssuerElsewhereIsWarnedAbout() {
		assertThat(warning("http://id.example")).isEqualTo(
				"Warning: the issuer uses plain http: tokens and codes cross the network unencrypted\n");
		assertThat(warning("https://id.example")).isEmpty();
		assertThat(warning("http://localhost:9000")).isEmpty();
		assertThat(warning("http://127.0.0.1:9000")).isEmpty();
	}

	private static String warning(String issuer) {
		StringWriter err = new StringWriter();
		LoginCommand.warnIfPlainHttp(issuer, new PrintWriter(err));
		return err.toString();
	}

}
