package dev.oauthplatform.auth.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.oauthplatform.auth.client.ClientRegistrar.RegisteredCredentials;
import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.support.BrowserFlow;
import dev.oauthplatform.auth.support.HttpTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * docs/grafana/oauth-platform.json against a real scrape: every series a panel queries is one this
 * server exports (with the labels and label values the query selects on), so that renaming a
 * metric or a tag fails here rather than leaving an operator an empty panel; and the file is a
 * dashboard Grafana imports (titled panels, all on the templated Prometheus data source).
 */
class GrafanaDashboardTest extends HttpTest {

	private static final Path DASHBOARD = Path.of("../docs/grafana/oauth-platform.json");

	private static final String DATASOURCE_UID = "${DS_PROMETHEUS}";

	/** Series Prometheus makes itself for each target, not in the scrape. */
	private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

	/** Labels Prometheus adds to every series of a target (the dashboard's variables). */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	private static final Set<String> FUNCTIONS = Set.of("sum", "max", "min", "avg", "count", "topk", "bottomk",
			"rate", "irate", "increase", "histogram_quantile", "clamp_min", "clamp_max", "abs", "max_over_time",
			"min_over_time", "avg_over_time");

	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");

	private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?\\s*");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\b\\s*(?:\\(([^)]*)\\))?");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern SAMPLE_LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private JsonNode dashboard;

	@BeforeEach
	void readDashboard() throws IOException {
		this.dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
	}

	@Test
	void isADashboardOnTheTemplatedPrometheusDataSource() {
		assertThat(this.dashboard.path("title").asString()).isNotBlank();
		assertThat(this.dashboard.path("uid").asString()).isNotBlank();
		assertThat(this.dashboard.path("schemaVersion").asInt()).isBetween(36, 41);

		Map<String, JsonNode> variables = new LinkedHashMap<>();
		for (JsonNode variable : this.dashboard.path("templating").path("list")) {
			variables.put(variable.path("name").asString(), variable);
		}
		assertThat(variables).containsKeys("DS_PROMETHEUS", "job", "instance");
		assertThat(variables.get("DS_PROMETHEUS").path("type").asString()).isEqualTo("datasource");
		assertThat(variables.get("DS_PROMETHEUS").path("query").asString()).isEqualTo("prometheus");
		for (String name : List.of("job", "instance")) {
			assertThat(variables.get(name).path("type").asString()).isEqualTo("query");
			assertThat(variables.get(name).path("datasource").path("uid").asString()).isEqualTo(DATASOURCE_UID);
			assertThat(variables.get(name).path("multi").asBoolean()).isTrue();
		}

		Set<Integer> ids = new HashSet<>();
		List<String> rows = new ArrayList<>();
		for (JsonNode panel : this.dashboard.path("panels")) {
			String title = panel.path("title").asString();
			assertThat(title).as("a panel's title").isNotBlank();
			assertThat(ids.add(panel.path("id").asInt())).as("%s: its id is unique", title).isTrue();
			JsonNode grid = panel.path("gridPos");
			assertThat(grid.path("w").asInt()).as(title).isPositive();
			assertThat(grid.path("h").asInt()).as(title).isPositive();
			assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title).isLessThanOrEqualTo(24);
			if (panel.path("type").asString().equals("row")) {
				rows.add(title);
				continue;
			}
			assertThat(panel.path("type").asString()).as(title).isIn("timeseries", "stat");
			assertThat(panel.path("datasource").path("type").asString()).as(title).isEqualTo("prometheus");
			assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(DATASOURCE_UID);
			assertThat(panel.path("targets").size()).as("%s: its queries", title).isPositive();
			Set<String> refIds = new HashSet<>();
			for (JsonNode target : panel.path("targets")) {
				assertThat(target.path("expr").asString()).as(title).isNotBlank();
				assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo(DATASOURCE_UID);
				assertThat(refIds.add(target.path("refId").asString())).as("%s: refIds differ", title).isTrue();
			}
		}
		assertThat(rows).containsExactly("Instance health", "Traffic", "Sign-ins", "Security",
				"JVM / database / Tomcat");
	}

	@Test
	void everySeriesThePanelsQueryIsInTheScrape() {
		doALittleOfEverything();
		Map<String, List<Map<String, String>>> scraped = samples(scrape());

		Map<String, String> queries = new LinkedHashMap<>();
		for (JsonNode panel : this.dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.put(panel.path("title").asString() + " " + target.path("refId").asString(),
						target.path("expr").asString());
			}
		}
		for (JsonNode variable : this.dashboard.path("templating").path("list")) {
			if (variable.path("type").asString().equals("query")) {
				String query = variable.path("definition").asString();
				assertThat(query).startsWith("label_values(");
				// label_values(metric{...}, label): the metric must be there, and carries the target labels
				String metric = query.substring("label_values(".length()).split("[{,]")[0].trim();
				assertThat(scraped.keySet()).as("variable %s: %s", variable.path("name").asString(), query).contains(metric);
			}
		}
		assertThat(queries).hasSizeGreaterThan(20);

		for (Map.Entry<String, String> entry : queries.entrySet()) {
			String query = entry.getKey() + ": " + entry.getValue();
			Set<String> metrics = assertSelectorsAreScraped(query, entry.getValue(), scraped);
			assertGroupingLabelsAreScraped(query, entry.getValue(), metrics, scraped);
			assertNoOtherMetricIsRead(query, entry.getValue());
		}
	}

	/**
	 * Each selector {@code metric{job=~"$job", instance=~"$instance", ...}}: filtered by the
	 * variables, its metric in the scrape, and each of its other matchers matching some sample.
	 */
	private static Set<String> assertSelectorsAreScraped(String query, String expr,
			Map<String, List<Map<String, String>>> scraped) {
		Set<String> metrics = new LinkedHashSet<>();
		Matcher selector = SELECTOR.matcher(expr);
		while (selector.find()) {
			String metric = selector.group(1);
			metrics.add(metric);
			String matchers = selector.group(2).trim();
			Map<String, String> matched = new LinkedHashMap<>();
			Matcher matcher = MATCHER.matcher(matchers);
			int end = 0;
			while (matcher.find() && matcher.start() == end) {
				matched.put(matcher.group(1), matcher.group(2) + matcher.group(3));
				end = matcher.end();
			}
			assertThat(end).as("%s: the matchers %s parse", query, matchers).isEqualTo(matchers.length());
			assertThat(matched).as("%s: %s is filtered by the dashboard's variables", query, metric)
				.containsEntry("job", "=~$job")
				.containsEntry("instance", "=~$instance");
			if (PROMETHEUS_SERIES.contains(metric)) {
				continue;
			}
			assertThat(scraped.keySet()).as("%s: %s is not in the scrape", query, metric).contains(metric);
			matched.forEach((label, condition) -> {
				if (!TARGET_LABELS.contains(label)) {
					assertSomeSampleMatches(query, metric, scraped.get(metric), label, condition);
				}
			});
		}
		return metrics;
	}

	/** {@code sum by (grant_type)}, {@code ignoring (outcome)}: some series the query reads has the label. */
	private static void assertGroupingLabelsAreScraped(String query, String expr, Set<String> metrics,
			Map<String, List<Map<String, String>>> scraped) {
		Matcher grouping = GROUPING.matcher(expr);
		while (grouping.find()) {
			for (String label : (grouping.group(1) != null) ? grouping.group(1).split(",") : new String[0]) {
				String name = label.trim();
				if (!TARGET_LABELS.contains(name) && !name.isEmpty()) {
					assertThat(metrics).as("%s: some series it reads has the label %s", query, name)
						.anyMatch((metric) -> PROMETHEUS_SERIES.contains(metric) || scraped
							.getOrDefault(metric, List.of())
							.stream()
							.anyMatch((sample) -> sample.containsKey(name)));
				}
			}
		}
	}

	/**
	 * Once the selectors, groupings and ranges are taken out, what is left are functions and numbers
	 * only: no metric is read without the variables' matchers (which would go unchecked above).
	 */
	private static void assertNoOtherMetricIsRead(String query, String expr) {
		String rest = SELECTOR.matcher(expr).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ").replaceAll("\\[[^]]*]", " ").replaceAll("\\d+(\\.\\d+)?", " ");
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			boolean call = rest.substring(identifier.end()).stripLeading().startsWith("(");
			assertThat(call && FUNCTIONS.contains(identifier.group()))
				.as("%s: %s is a function this test knows (a bare metric name would go unchecked)", query,
						identifier.group())
				.isTrue();
		}
	}

	/** Tokens, sign-ins (one refused: a 4xx on the token endpoint), introspections, and a GC. */
	private void doALittleOfEverything() {
		RegisteredCredentials m2m = register(ClientType.M2M, Set.of(), Set.of("notes.read"), true);
		RegisteredCredentials api = registerResourceServer();
		String token = clientCredentials(m2m);
		introspect(api, token).then().statusCode(200).body("active", equalTo(true));
		introspect(api, "not-a-token-" + System.nanoTime()).then().statusCode(200).body("active", equalTo(false));

		RegisteredCredentials cli = register(ClientType.CLI, Set.of(), Set.of("notes.read"), true);
		String username = newUser();
		String address = randomAddress();
		from(address).contentType("application/x-www-form-urlencoded")
			.formParam("client_id", cli.clientId())
			.formParam("grant_type", "password")
			.formParam("username", username)
			.formParam("password", "wrong password")
			.post("/oauth2/token")
			.then()
			.statusCode(400);

		BrowserFlow browser = new BrowserFlow(baseUrl(), address);
		String page = browser.browser().get(baseUrl() + "/login").then().statusCode(200).extract().asString();
		browser.browser()
			.contentType("application/x-www-form-urlencoded")
			.formParams(BrowserFlow.hiddenFields(page))
			.formParam("username", username)
			.formParam("password", USER_PASSWORD)
			.post(baseUrl() + "/login")
			.then()
			.statusCode(302);

		// jvm.gc.pause appears with the first pause
		System.gc();
	}

	/**
	 * What Prometheus reads from this server, on its management port.
	 */
	private String scrape() {
		return management().get("/actuator/prometheus").then().statusCode(200).extract().asString();
	}

	/** Each metric's samples, as their labels. */
	private static Map<String, List<Map<String, String>>> samples(String scrape) {
		Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
		for (String line : scrape.lines().toList()) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			boolean labelled = brace >= 0 && brace < space;
			String name = line.substring(0, labelled ? brace : space);
			Map<String, String> labels = new LinkedHashMap<>();
			if (labelled) {
				Matcher label = SAMPLE_LABEL.matcher(line.substring(brace + 1, line.lastIndexOf('}')));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.computeIfAbsent(name, (key) -> new ArrayList<>()).add(labels);
		}
		return samples;
	}

	/** {@code condition}: the operator, then the value ({@code =~4..|5..}); only = and =~ are checked. */
	private static void assertSomeSampleMatches(String query, String metric, List<Map<String, String>> samples,
			String label, String condition) {
		Set<String> values = new TreeSet<>();
		samples.stream().map((sample) -> sample.get(label)).filter(Objects::nonNull).forEach(values::add);
		assertThat(values).as("%s: %s has a label %s", query, metric, label).isNotEmpty();
		Pattern wanted;
		if (condition.startsWith("=~")) {
			wanted = Pattern.compile(condition.substring(2));
		}
		else if (condition.startsWith("=")) {
			wanted = Pattern.compile(Pattern.quote(condition.substring(1)));
		}
		else {
			return;
		}
		assertThat(values).as("%s: some sample of %s has %s%s", query, metric, label, condition)
			.anyMatch((value) -> wanted.matcher(value).matches());
	}

}
