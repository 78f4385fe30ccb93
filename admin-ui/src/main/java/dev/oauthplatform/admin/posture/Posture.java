package dev.oauthplatform.admin.posture;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security posture of a client: every RFC 9700 recommendation that applies to its type.
 * A pure function of the client's metadata, so each rule is easy to test and to read.
 */
public final class Posture {

	private static final List<PostureRule> RULES = List.of(new PkceRule(), new ExactRedirectUriRule(),
			new HttpsRedirectUriRule(), new ImplicitGrantRule(), new RefreshTokenRotationRule(),
			new AccessTokenLifetimeRule(), new PasswordGrantRule(), new ClientSecretUseRule());

	/** What each one-click fix changes, in admin API metadata. */
	private static final Map<String, Map<String, Object>> FIXES = Map.of(PkceRule.ID, Map.of("require_pkce", true),
			AccessTokenLifetimeRule.ID, Map.of("access_token_ttl", AccessTokenLifetimeRule.RECOMMENDED_SECONDS));

	private Posture() {
	}

	/** As {@link #of(ClientSettings, List)} when what auth-server supports is not known. */
	public static List<Finding> of(ClientSettings client) {
		return of(client, List.of());
	}

	/**
	 * @param grantTypesSupported auth-server's {@code grant_types_supported} (discovery), which
	 * some advice depends on; empty when unknown
	 */
	public static List<Finding> of(ClientSettings client, List<String> grantTypesSupported) {
		return RULES.stream()
			.map((rule) -> rule.check(client, grantTypesSupported))
			.flatMap(Optional::stream)
			.toList();
	}

	/** The metadata change that fixes a rule, or empty when the rule has no one-click fix. */
	public static Optional<Map<String, Object>> fix(String rule) {
		return Optional.ofNullable(FIXES.get(rule));
	}

}
