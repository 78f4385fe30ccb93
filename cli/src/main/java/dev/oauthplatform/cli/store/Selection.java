package dev.oauthplatform.cli.store;

import java.util.List;

import picocli.CommandLine.Option;

import dev.oauthplatform.cli.support.CliException;

/**
 * Which stored sign-in a command is about: --issuer and --client-id, either of which may be left
 * out when what is stored leaves no doubt.
 */
public final class Selection {

	static final String LOGIN_HINT = "run oauthctl login --issuer URL --client-id ID --device";

	@Option(names = "--issuer", paramLabel = "URL", description = "The authorization server (its issuer URL).")
	String issuer;

	@Option(names = "--client-id", paramLabel = "ID", description = "The client the tokens were issued to.")
	String clientId;

	public Selection() {
	}

	public Selection(String issuer, String clientId) {
		this.issuer = issuer;
		this.clientId = clientId;
	}

	/** The issuer as written in discovery: without the trailing slash people tend to add. */
	public static String normalizeIssuer(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	/** The one sign-in meant, or a message that says what to run or add. */
	public StoredLogin one(TokenStore store) {
		List<StoredLogin> candidates = matching(store);
		if (candidates.isEmpty()) {
			throw new CliException("Not logged in" + describe() + ": " + LOGIN_HINT);
		}
		if (candidates.size() > 1) {
			throw new CliException(candidates.size() + " logins are stored" + describe()
					+ " (see oauthctl status): choose one with --issuer and --client-id");
		}
		return candidates.get(0);
	}

	/** Every sign-in that fits what was given: all of them when nothing was. */
	public List<StoredLogin> matching(TokenStore store) {
		if (this.issuer != null && this.clientId != null) {
			return store.find(normalizeIssuer(this.issuer), this.clientId).stream().toList();
		}
		return store.all()
			.stream()
			.filter((login) -> this.issuer == null || login.issuer().equals(normalizeIssuer(this.issuer)))
			.filter((login) -> this.clientId == null || login.clientId().equals(this.clientId))
			.toList();
	}

	private String describe() {
		if (this.issuer == null && this.clientId == null) {
			return "";
		}
		return " to " + ((this.issuer != null) ? normalizeIssuer(this.issuer) : "any issuer")
				+ ((this.clientId != null) ? " as " + this.clientId : "");
	}

}
