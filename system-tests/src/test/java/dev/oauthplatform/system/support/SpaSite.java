package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A single-page app on its own origin ({@code http://127.0.0.1:port}, while auth-server is at
 * {@code http://localhost:port}: another origin to the browser). Its one page does what a SPA does
 * with no backend: makes a PKCE verifier, sends the browser to the authorization endpoint, and
 * on return exchanges the code with {@code fetch} and calls userinfo with the access token. It
 * writes what it could read into the page: {@code #status}, {@code #tokens}, {@code #userinfo}.
 * Its {@code /probe} page only tries {@code fetch} on the discovery document and the token endpoint.
 */
public final class SpaSite implements AutoCloseable {

	private final HttpServer server;

	private SpaSite(HttpServer server) {
		this.server = server;
	}

	public static SpaSite start() {
		try {
			return new SpaSite(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Serves the app for this client of this auth-server (registered once the origin is known). */
	public void serve(String authServer, String clientId) {
		page("/app", APP.replace("{{auth-server}}", authServer).replace("{{client-id}}", clientId));
		page("/probe", PROBE.replace("{{auth-server}}", authServer));
		this.server.start();
	}

	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String url(String path) {
		return origin() + path;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void page(String path, String html) {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		this.server.createContext(path, (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders().add("Cache-Control", "no-store");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
	}

	private static final String STYLE = "<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:48rem}"
			+ "pre{background:#f4f4f4;padding:1rem;white-space:pre-wrap;word-break:break-all}</style>";

	private static final String APP = """
			<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Notes SPA</title>{{style}}</head>
			<body><main><h1>Notes SPA</h1>
			<p>This page is served from <code id="origin"></code>; the authorization server is at {{auth-server}}.</p>
			<button id="sign-in" type="button">Sign in</button>
			<p>Status: <strong id="status">signed out</strong></p>
			<p>Userinfo: <strong id="userinfo"></strong></p>
			<pre id="tokens"></pre></main>
			<script>
			const AUTH = "{{auth-server}}", CLIENT_ID = "{{client-id}}", REDIRECT = location.origin + "/app";
			const show = (id, text) => document.getElementById(id).textContent = text;
			const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
			  .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
			const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));
			async function signIn() {
			  const verifier = random(32), state = random(16);
			  sessionStorage.setItem("verifier", verifier);
			  sessionStorage.setItem("state", state);
			  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
			  location.assign(AUTH + "/oauth2/authorize?" + new URLSearchParams({ response_type: "code",
			    client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: "openid notes.read", state,
			    code_challenge: challenge, code_challenge_method: "S256" }));
			}
			async function back(query) {
			  if (query.get("state") !== sessionStorage.getItem("state")) { show("status", "state mismatch"); return; }
			  history.replaceState(null, "", "/app");
			  const response = await fetch(AUTH + "/oauth2/token", { method: "POST",
			    headers: { "Content-Type": "application/x-www-form-urlencoded" },
			    body: new URLSearchParams({ grant_type: "authorization_code", client_id: CLIENT_ID,
			      code: query.get("code"), redirect_uri: REDIRECT, code_verifier: sessionStorage.getItem("verifier") }) });
			  const tokens = await response.json();
			  show("tokens", JSON.stringify({ status: response.status, token_type: tokens.token_type,
			    scope: tokens.scope, expires_in: tokens.expires_in,
			    access_token: tokens.access_token && tokens.access_token.slice(0, 12) + "...",
			    refresh_token: tokens.refresh_token ? "present" : "absent",
			    id_token: tokens.id_token ? "present" : "absent" }, null, 2));
			  const me = await fetch(AUTH + "/userinfo", { headers: { Authorization: "Bearer " + tokens.access_token } });
			  show("userinfo", me.status + ", sub " + (await me.json()).sub);
			  show("status", "signed in");
			}
			show("origin", location.origin);
			document.getElementById("sign-in").addEventListener("click", signIn);
			const query = new URLSearchParams(location.search);
			if (query.has("code")) back(query).catch((error) => show("status", "failed: " + error));
			else if (query.has("error")) show("status", "refused: " + query.get("error"));
			</script></body></html>
			""".replace("{{style}}", STYLE);

	private static final String PROBE = """
			<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Probe</title>{{style}}</head>
			<body><main><h1>Another origin's page</h1>
			<p>Discovery: <strong id="discovery">...</strong></p>
			<p>Token endpoint: <strong id="token">...</strong></p></main>
			<script>
			const AUTH = "{{auth-server}}";
			const show = (id, text) => document.getElementById(id).textContent = text;
			fetch(AUTH + "/.well-known/openid-configuration").then((r) => r.json())
			  .then((d) => show("discovery", "read, issuer " + d.issuer), (e) => show("discovery", "failed: " + e));
			fetch(AUTH + "/oauth2/token", { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials" }) })
			  .then((r) => show("token", "read, status " + r.status), (e) => show("token", "failed: " + e));
			</script></body></html>
			""".replace("{{style}}", STYLE);

}
