package dev.oauthplatform.auth.support;

import java.util.Arrays;
import java.util.Set;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** A space-separated scope string holding exactly these scopes, in any order (RFC 6749 §3.3). */
public final class Scopes {

	private Scopes() {
	}

	public static Matcher<String> scopes(String... expected) {
		return new FeatureMatcher<>(Matchers.equalTo(Set.of(expected)), "scopes", "scopes") {
			@Override
			protected Set<String> featureValueOf(String actual) {
				return Set.copyOf(Arrays.asList(actual.split(" ")));
			}
		};
	}

}
