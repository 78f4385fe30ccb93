package dev.oauthplatform.auth.secret;

import java.util.List;

import org.springframework.util.Assert;

/**
 * Profile {@code prod} with a configuration that is not fit for production: the start stops with
 * one line per problem, each saying what is wrong and what to set
 * ({@link ProductionReadinessFailureAnalyzer}).
 */
public class ProductionReadinessException extends IllegalStateException {

	private final List<String> problems;

	public ProductionReadinessException(List<String> problems) {
		super("Not ready for production (profile prod): " + String.join("; ", problems));
		Assert.notEmpty(problems, "problems must not be empty");
		this.problems = List.copyOf(problems);
	}

	/** The line for a secret production must be given and never generates. */
	public static String missingSecret(String envName) {
		return envName + " is not set: set it to the output of `openssl rand -base64 32`, the same on every"
				+ " instance, and keep it (README, Configuration)";
	}

	public List<String> problems() {
		return this.problems;
	}

}
