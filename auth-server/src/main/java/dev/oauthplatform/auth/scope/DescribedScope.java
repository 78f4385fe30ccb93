package dev.oauthplatform.auth.scope;

/**
 * A requested scope as the user reads it. {@code known} is false for a scope nobody registered:
 * its description is then its name, which a page may want to show differently.
 */
public record DescribedScope(String name, String description, boolean known) {

	static DescribedScope unknown(String name) {
		return new DescribedScope(name, name, false);
	}

	static DescribedScope of(Scope scope) {
		return new DescribedScope(scope.getName(), scope.getDescription(), true);
	}

}
