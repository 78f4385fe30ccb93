package dev.oauthplatform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** What oauthctl accepts on its command line: refused before any request is sent. */
class CommandLineTest {

	private static final String[] LOGIN = { "login", "--issuer", "http://127.0.0.1:9", "--client-id", "cli" };

	private final StringWriter err = new StringWriter();

	@Test
	void aPasswordIsNeverAcceptedAsAnArgumentAndNeverRepeatedBack() {
		assertRefused(login("--password", "hunter2-secret", "--username", "alice"));
		assertRefused(login("--username", "alice", "--password", "hunter2-secret"));
		assertRefused(login("--password=hunter2-secret", "--username", "alice"));
		assertRefused(login("--username", "alice", "--password", "--password-stdin=hunter2-secret"));

		assertThat(this.err.toString()).doesNotContain("hunter2-secret").contains("never taken as an argument");
	}

	@Test
	void loginNeedsExactlyOneWayToSignIn() {
		assertRefused(login());
		assertRefused(login("--device", "--password", "--username", "alice"));
	}

	@Test
	void thePasswordGrantNeedsAUsername() {
		assertRefused(login("--password", "--password-stdin"));

		assertThat(this.err.toString()).contains("--username");
	}

	@Test
	void theIssuerAndClientIdAreRequiredToLogIn() {
		assertRefused(new String[] { "login", "--device" });

		assertThat(this.err.toString()).contains("--issuer").contains("--client-id");
	}

	private void assertRefused(String[] args) {
		CommandLine commandLine = Oauthctl.commandLine();
		commandLine.setErr(new PrintWriter(this.err, true));
		commandLine.setOut(new PrintWriter(new StringWriter(), true));

		assertThat(commandLine.execute(args)).as(String.join(" ", args)).isEqualTo(2);
	}

	private static String[] login(String... more) {
		String[] args = new String[LOGIN.length + more.length];
		System.arraycopy(LOGIN, 0, args, 0, LOGIN.length);
		System.arraycopy(more, 0, args, LOGIN.length, more.length);
		return args;
	}

}
