package dev.oauthplatform.system.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.response.Response;

/**
 * Token traffic through the balancer while a test breaks something: threads asking for
 * client_credentials tokens, and threads each following one refresh-token chain (every refresh
 * rotates the token, and the next request sends the new one). Records every failed request with
 * its time. A chain whose refresh failed without an answer from auth-server (a 502 from HAProxy,
 * a reset connection) is <em>uncertain</em> (the rotation may or may not have been committed) and
 * stops; with {@code retryRefusedRefreshes}, a chain whose refresh auth-server answered with an
 * error (a 503 while the database is down) sends the same token again, as a client would.
 */
final class Load implements AutoCloseable {

	/** A failed request: when it was sent and when it failed, in milliseconds since the load started. */
	record Failure(long sentAtMillis, long atMillis, String request, String outcome) {
	}

	private final String server;

	private final Flows.Client machine;

	private final Flows.Client cli;

	private final boolean retryRefusedRefreshes;

	private final List<Thread> threads = new ArrayList<>();

	private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

	private final String[] chains;

	private final boolean[] uncertain;

	private final AtomicInteger succeeded = new AtomicInteger();

	private final long start = System.currentTimeMillis();

	private volatile boolean running = true;

	Load(String server, Flows.Client machine, int machineThreads, Flows.Client cli, List<String> refreshTokens,
			boolean retryRefusedRefreshes) {
		this.server = server;
		this.machine = machine;
		this.cli = cli;
		this.retryRefusedRefreshes = retryRefusedRefreshes;
		this.chains = refreshTokens.toArray(String[]::new);
		this.uncertain = new boolean[this.chains.length];
		for (int n = 0; n < machineThreads; n++) {
			this.threads.add(start(this::clientCredentials, "load-cc-" + n));
		}
		for (int n = 0; n < this.chains.length; n++) {
			int chain = n;
			this.threads.add(start(() -> refreshes(chain), "load-refresh-" + n));
		}
	}

	private static Thread start(Runnable work, String name) {
		Thread thread = new Thread(work, name);
		thread.start();
		return thread;
	}

	/** Milliseconds since the load started. */
	long now() {
		return System.currentTimeMillis() - this.start;
	}

	private void clientCredentials() {
		while (this.running) {
			long sent = now();
			try {
				Response response = Flows.clientCredentials(this.server, this.machine);
				record(sent, "client_credentials", response.statusCode(), response.asString());
			}
			catch (RuntimeException ex) {
				this.failures.add(new Failure(sent, now(), "client_credentials", ex.toString()));
			}
		}
	}

	private void refreshes(int chain) {
		while (this.running) {
			long sent = now();
			try {
				Response response = Flows.refresh(this.server, this.cli, this.chains[chain]);
				record(sent, "refresh", response.statusCode(), response.asString());
				if (response.statusCode() == 200) {
					this.chains[chain] = response.path("refresh_token");
				}
				else if (!this.retryRefusedRefreshes || response.statusCode() == 502
						|| response.statusCode() == 400) {
					this.uncertain[chain] = true;
					return;
				}
				else {
					pause();
				}
			}
			catch (RuntimeException ex) {
				this.failures.add(new Failure(sent, now(), "refresh", ex.toString()));
				this.uncertain[chain] = true;
				return;
			}
		}
	}

	private void record(long sent, String request, int status, String body) {
		if (status == 200) {
			this.succeeded.incrementAndGet();
		}
		else {
			this.failures.add(new Failure(sent, now(), request, status + " " + body));
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the threads after their request in flight. */
	@Override
	public void close() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	List<Failure> failures() {
		return List.copyOf(this.failures);
	}

	int succeeded() {
		return this.succeeded.get();
	}

	/** The refresh token each chain holds now, from the last answer it got; uncertain chains left out. */
	List<String> certainChains() {
		List<String> tokens = new ArrayList<>();
		for (int n = 0; n < this.chains.length; n++) {
			if (!this.uncertain[n]) {
				tokens.add(this.chains[n]);
			}
		}
		return tokens;
	}

	int uncertainChains() {
		int count = 0;
		for (boolean chain : this.uncertain) {
			count += chain ? 1 : 0;
		}
		return count;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
