package dev.oauthplatform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.oauthplatform.cli.support.CliException;
import dev.oauthplatform.cli.support.Printable;

import static org.assertj.core.api.Assertions.assertThat;

/** What a server sends is printed without the characters that drive a terminal. */
class PrintableTest {

	@Test
	void escapeSequencesLoseTheirControlCharactersSoTheTerminalShowsThemAsText() {
		assertThat(Printable.of("\u001b]0;owned\u0007WDJB-MJHT")).isEqualTo("]0;ownedWDJB-MJHT");
		assertThat(Printable.of("\u001b[2J\u001b[HApprove")).isEqualTo("[2J[HApprove");
	}

	@Test
	void c1ControlsDelAndLineBreaksAreDroppedToo() {
		assertThat(Printable.of("a\u009b31mb\u0085c\u007fd\ne\rf\tg\u0000h")).isEqualTo("a31mbcdefgh");
	}

	@Test
	void bidirectionalOverridesCannotReorderAUserCode() {
		assertThat(Printable.of("ABCD-\u202eHGFE\u202c")).isEqualTo("ABCD-HGFE");
	}

	@Test
	void lettersOfEveryScriptStay() {
		assertThat(Printable.of("Zoë 日本 ß 🙂")).isEqualTo("Zoë 日本 ß 🙂");
		assertThat(Printable.of(null)).isEqualTo("null");
	}

	@Test
	void aServersErrorDescriptionIsPrintedWithoutControlCharacters() {
		StringWriter err = new StringWriter();

		// Nimbus refuses control characters in an error description; a content type passes as it came
		Oauthctl.report(new CliException("https://id.example/oauth2/token did not answer as an OAuth 2.0 server"
				+ " (HTTP 502, text/html\u001b[31m)"), false, new PrintWriter(err));

		assertThat(err.toString()).isEqualTo("oauthctl: https://id.example/oauth2/token did not answer as an OAuth 2.0"
				+ " server (HTTP 502, text/html[31m)\n");
	}

	@Test
	void theVerboseStackTraceIsFilteredToo() {
		StringWriter err = new StringWriter();

		Oauthctl.report(new CliException("bad \u001b]52;c;cGF5bG9hZA==\u0007 answer"), true, new PrintWriter(err));

		assertThat(err.toString()).contains("bad ]52;c;cGF5bG9hZA== answer").doesNotContain("\u001b").contains("    at dev.oauthplatform.cli.PrintableTest");
	}

}
