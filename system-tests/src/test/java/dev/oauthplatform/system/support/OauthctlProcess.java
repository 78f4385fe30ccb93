package dev.oauthplatform.system.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oauthctl as a user runs it: {@code java -jar cli/target/oauthctl.jar ...} as a process of its
 * own, with its token folder ({@code OAUTHCTL_HOME}) of the test's choosing, stdin fed by the test,
 * and what it printed and its exit code kept.
 */
public final class OauthctlProcess {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final Path home;

	public OauthctlProcess(Path home) {
		this.home = home;
	}

	public Path home() {
		return this.home;
	}

	/** Runs oauthctl to its end with {@code stdin} (may be empty) and returns what it did. */
	public Result run(String stdin, String... args) {
		return start(stdin, args).finish();
	}

	/** Starts oauthctl: the device flow prints the code to approve while it keeps running. */
	public Running start(String stdin, String... args) {
		List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
				jar().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("OAUTHCTL_HOME", this.home.toString());
		// no browser to open, whatever the machine running the tests has
		builder.environment().remove("DISPLAY");
		builder.environment().remove("WAYLAND_DISPLAY");
		try {
			Process process = builder.start();
			try (OutputStream in = process.getOutputStream()) {
				in.write(stdin.getBytes(StandardCharsets.UTF_8));
			}
			return new Running(process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The jar Maven built (./mvnw -pl cli -am package, or verify from the root). */
	private static Path jar() {
		Path jar = Path.of("..", "cli", "target", "oauthctl.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar.toAbsolutePath() + ": build it first (./mvnw verify from the"
					+ " project root)");
		}
		return jar;
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** Its exit code and what it printed. */
	public record Result(int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.stdout + "--- stderr\n" + this.stderr;
		}

	}

	/** A running oauthctl, its output read as it comes. */
	public static final class Running {

		private final Process process;

		private final StringBuffer stderr = new StringBuffer();

		private final CompletableFuture<String> stdout;

		private final CompletableFuture<Void> stderrRead;

		Running(Process process) {
			this.process = process;
			this.stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
			this.stderrRead = CompletableFuture.runAsync(() -> copyLines(process.getErrorStream(), this.stderr));
		}

		/** Waits until stderr shows {@code pattern}, and returns its first group. */
		public String awaitOnStderr(Pattern pattern) {
			Instant deadline = Instant.now().plus(TIMEOUT);
			while (Instant.now().isBefore(deadline)) {
				Matcher matcher = pattern.matcher(this.stderr);
				if (matcher.find()) {
					return matcher.group(1);
				}
				if (!this.process.isAlive() && this.stderrRead.isDone()) {
					throw new AssertionError("oauthctl ended without printing " + pattern + ":\n" + finish());
				}
				sleep();
			}
			throw new AssertionError("oauthctl did not print " + pattern + " within " + TIMEOUT + ":\n" + this.stderr);
		}

		public Result finish() {
			try {
				if (!this.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
					throw new AssertionError("oauthctl still running after " + TIMEOUT + ":\n" + this.stderr);
				}
				this.stderrRead.get(10, TimeUnit.SECONDS);
				return new Result(this.process.exitValue(), this.stdout.get(10, TimeUnit.SECONDS),
						this.stderr.toString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String readAll(InputStream stream) {
			try {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void copyLines(InputStream stream, StringBuffer into) {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					into.append(line).append('\n');
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void sleep() {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
