package dev.oauthplatform.cli.login;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;

import dev.oauthplatform.cli.server.DeviceAuthorization;
import dev.oauthplatform.cli.server.Endpoints;
import dev.oauthplatform.cli.server.IssuedTokens;
import dev.oauthplatform.cli.server.TokenEndpoint;
import dev.oauthplatform.cli.support.Printable;

/**
 * The device flow (RFC 8628): the person approves in a browser, anywhere, where the server can
 * show who is asking and for what; the password never passes through this tool.
 */
final class DeviceFlow {

	private final Clock clock;

	private final PrintWriter err;

	private final boolean openBrowser;

	DeviceFlow(Clock clock, PrintWriter err, boolean openBrowser) {
		this.clock = clock;
		this.err = err;
		this.openBrowser = openBrowser;
	}

	IssuedTokens signIn(Endpoints endpoints, String clientId, String scope) {
		DeviceAuthorizationSuccessResponse authorization = DeviceAuthorization.request(endpoints, clientId, scope);
		URI page = (authorization.getVerificationURIComplete() != null) ? authorization.getVerificationURIComplete()
				: authorization.getVerificationURI();
		tell(this.err, page, authorization.getUserCode().getValue(), authorization.getLifetime());
		if (this.openBrowser) {
			openOrSayWhyNot(page);
		}
		TokenRequest poll = new TokenRequest(endpoints.token(), new ClientID(clientId),
				new DeviceCodeGrant(authorization.getDeviceCode()));
		TokenEndpoint tokenEndpoint = new TokenEndpoint(this.clock);
		return new DevicePolling(() -> tokenEndpoint.send(poll), DevicePolling.Sleeper.THREAD, this.clock)
			.await(Duration.ofSeconds(authorization.getInterval()),
					this.clock.instant().plusSeconds(authorization.getLifetime()));
	}

	/**
	 * On stderr: stdout stays for the result, and the person reads the terminal either way. The
	 * page and the code come from the server: printed without control characters.
	 */
	static void tell(PrintWriter err, URI page, String userCode, long lifetimeSeconds) {
		err.println("To sign in, open this page in a browser:");
		err.println();
		err.println("  " + Printable.of(page));
		err.println();
		err.println("and check that it shows the code " + Printable.of(userCode) + ".");
		err.println("Waiting for the approval (the code is valid for "
				+ Duration.ofSeconds(lifetimeSeconds).toMinutes() + " min) ...");
		err.flush();
	}

	private void openOrSayWhyNot(URI page) {
		if (BrowserLauncher.mayOpen(page)) {
			BrowserLauncher.open(page);
			return;
		}
		this.err.println("(Not opened in a browser: oauthctl opens only https pages, or http ones on this machine.)");
		this.err.flush();
	}

}
