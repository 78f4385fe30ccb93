package dev.oauthplatform.auth.secret;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Every problem on a line of its own, instead of a stack trace. */
class ProductionReadinessFailureAnalyzer extends AbstractFailureAnalyzer<ProductionReadinessException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProductionReadinessException cause) {
		String problems = cause.problems().stream().map((problem) -> "  - " + problem).collect(Collectors.joining("\n"));
		return new FailureAnalysis("auth-server is not ready for production (profile prod):\n\n" + problems,
				"Fix each problem listed (README, Operations: \"Production checklist\"),"
						+ " or start without the prod profile outside production.",
				cause);
	}

}
