package dev.oauthplatform.auth.secret;

/** A secret that production must be given, missing: the start stops ({@link MissingSecretFailureAnalyzer}). */
public class MissingSecretException extends IllegalStateException {

	private final String envName;

	public MissingSecretException(String envName) {
		super(envName + " must be set in production (profile prod)");
		this.envName = envName;
	}

	public String getEnvName() {
		return this.envName;
	}

}
