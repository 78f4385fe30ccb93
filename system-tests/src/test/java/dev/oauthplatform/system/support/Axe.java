package dev.oauthplatform.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, installed from npm by {@code npm ci --prefix system-tests})
 * run inside the page the browser shows: WCAG 2.1 A and AA rules plus axe's best practices.
 */
public final class Axe {

	private static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String source;

	private Axe() {
	}

	/** The violations of impact serious or critical on the current page, one line each; empty when none. */
	public static List<String> seriousViolations(WebDriver driver) {
		JavascriptExecutor page = (JavascriptExecutor) driver;
		page.executeScript(script());
		String found = (String) page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag',
						values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
					.then((result) => done(JSON.stringify(result.violations)))
					.catch((error) => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }])));
				""");
		List<Map<String, Object>> violations = JSON.readValue(found, new TypeReference<>() {
		});
		return violations.stream()
			.filter((violation) -> List.of("serious", "critical").contains(violation.get("impact")))
			.map(Axe::describe)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static String describe(Map<String, Object> violation) {
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) violation.get("nodes");
		String targets = nodes.stream().map((node) -> String.valueOf(node.get("target"))).collect(Collectors.joining(", "));
		return violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help") + " at " + targets;
	}

	private static synchronized String script() {
		if (source == null) {
			if (!Files.exists(SCRIPT)) {
				throw new IllegalStateException("axe-core is missing: run `npm ci --prefix system-tests` first");
			}
			try {
				source = Files.readString(SCRIPT);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return source;
	}

}
