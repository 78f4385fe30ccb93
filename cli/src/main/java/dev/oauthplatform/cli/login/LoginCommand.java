package dev.oauthplatform.cli.login;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;

import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.oauthplatform.cli.server.Endpoints;
import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.Revocation;
import dev.oauthplatform.cli.server.TokenEndpoint;
import dev.oauthplatform.cli.status.Who;
import dev.oauthplatform.cli.store.Selection;
import dev.oauthplatform.cli.store.StoredLogin;
import dev.oauthplatform.cli.store.TokenStore;
import dev.oauthplatform.cli.support.Printable;

/** {@code oauthctl login}: signs in by the device flow or the password grant and keeps the tokens. */
@Command(name = "login", description = "Sign in at an authorization server and keep the tokens.")
public final class LoginCommand implements Callable<Integer> {

	@Option(names = "--issuer", required = true, paramLabel = "URL", description = "The authorization server's issuer URL.")
	String issuer;

	@Option(names = "--client-id", required = true, paramLabel = "ID", description = "A public client registered for this tool.")
	String clientId;

	@Option(names = "--scope", paramLabel = "SCOPES", description = "Space-separated scopes (default: the client's).")
	String scope;

	@Option(names = "--no-browser", description = "Do not open a browser for the device flow: only print the address.")
	boolean noBrowser;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Flow flow;

	@Spec
	CommandSpec spec;

	/** Exactly one way to sign in. */
	static final class Flow {

		@Option(names = "--device", required = true, description = "The device flow: approve in a browser (recommended).")
		boolean device;

		@ArgGroup(exclusive = false)
		PasswordFlow password;

	}

	/** The password grant: legacy, for a server without the device flow (RFC 9700 §2.4). */
	static final class PasswordFlow {

		@Option(names = "--password", required = true, arity = "0",
				description = "The password grant: asked for on the terminal, never given as an argument.")
		boolean password;

		@Option(names = "--username", required = true, paramLabel = "USER")
		String username;

		@Option(names = "--password-stdin", arity = "0", description = "Read the password from the first line of stdin.")
		boolean stdin;

	}

	@Override
	public Integer call() {
		String issuer = Selection.normalizeIssuer(this.issuer);
		PrintWriter err = this.spec.commandLine().getErr();
		warnIfPlainHttp(issuer, err);
		Endpoints endpoints = Endpoints.discover(issuer);
		Clock clock = Clock.systemUTC();
		IssuedTokens tokens = (this.flow.device) ? new DeviceFlow(clock, err, !this.noBrowser).signIn(endpoints,
				this.clientId, this.scope) : passwordGrant(endpoints, clock);
		StoredLogin login = new StoredLogin(issuer, this.clientId, endpoints.token(), endpoints.revocation(),
				tokens.accessToken(), tokens.expiresAt(), tokens.refreshToken(), tokens.scope(), tokens.idToken());
		TokenStore store = TokenStore.fromEnvironment();
		// under the refresh lock: a concurrent oauthctl token could otherwise spend the previous
		// refresh token and store its outcome over this login, or delete this login on invalid_grant
		store.locked(issuer, this.clientId, () -> replace(store, login));
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(Printable.of("Logged in to " + issuer + " as " + Who.user(login) + " (client " + this.clientId
				+ "), scopes " + ((login.scope() != null) ? login.scope() : "?") + ", access token expires at "
				+ ((login.expiresAt() != null) ? login.expiresAt() : "?")));
		out.flush();
		return 0;
	}

	/** Not refused: a test server on another machine may have no TLS; but the user should know. */
	static void warnIfPlainHttp(String issuer, PrintWriter err) {
		URI uri;
		try {
			uri = URI.create(issuer);
		}
		catch (IllegalArgumentException ex) {
			return; // discovery reports it
		}
		if (Loopback.isPlainHttpElsewhere(uri)) {
			err.println("Warning: the issuer uses plain http: tokens and codes cross the network unencrypted");
			err.flush();
		}
	}

	private IssuedTokens passwordGrant(Endpoints endpoints, Clock clock) {
		char[] password = this.flow.password.stdin ? PasswordSource.fromStdin(System.in)
				: PasswordSource.fromTerminal(this.flow.password.username);
		try {
			TokenRequest request = new TokenRequest(endpoints.token(), new ClientID(this.clientId),
					new ResourceOwnerPasswordCredentialsGrant(this.flow.password.username,
							new Secret(new String(password))),
					(this.scope != null) ? Scope.parse(this.scope) : null);
			return new TokenEndpoint(clock).send(request);
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/** Signing in again replaces the stored session: the old one is ended rather than left live. */
	private static Void replace(TokenStore store, StoredLogin login) {
		StoredLogin previous = store.find(login.issuer(), login.clientId()).orElse(null);
		store.save(login);
		if (previous != null) {
			Revocation.revokeQuietly(previous.revocationEndpoint(), previous.clientId(), previous.refreshToken());
		}
		return null;
	}

}
