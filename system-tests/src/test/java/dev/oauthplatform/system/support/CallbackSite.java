package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A registered application's own web site, as far as the browser sees it: the page its redirect
 * URIs land on. It remembers every address the browser was sent to, so a test can tell that an
 * error was (or was not) redirected to it.
 */
public final class CallbackSite implements AutoCloseable {

	private final HttpServer server;

	private final List<String> visits = new CopyOnWriteArrayList<>();

	private CallbackSite(HttpServer server) {
		this.server = server;
	}

	public static CallbackSite start(String appName) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			CallbackSite site = new CallbackSite(server);
			byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>" + appName + "</title></head>"
					+ "<body><main><h1>Back at " + appName + "</h1></main></body></html>")
				.getBytes(StandardCharsets.UTF_8);
			server.createContext("/", (exchange) -> {
				site.visits.add(exchange.getRequestURI().toString());
				exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				exchange.getResponseBody().write(page);
				exchange.close();
			});
			server.start();
			return site;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Every path and query the browser asked this site for, in order. */
	public List<String> visits() {
		return List.copyOf(this.visits);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
