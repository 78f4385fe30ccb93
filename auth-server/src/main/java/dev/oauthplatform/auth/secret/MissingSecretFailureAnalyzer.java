package dev.oauthplatform.auth.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear message instead of a chain of bean creation failures. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Set " + cause.getEnvName() + " in the environment, e.g. to the output of `openssl rand -base64 32`,"
						+ " and keep it: the README (Configuration) says what changing it takes.",
				cause);
	}

}
