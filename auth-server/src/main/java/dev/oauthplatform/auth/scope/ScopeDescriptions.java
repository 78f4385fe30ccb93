package dev.oauthplatform.auth.scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Scopes in words, for the pages that ask a user to allow them (the consent page). A scope
 * without a registered description is shown by its name: clients are not checked against the
 * registry, and deleting an entry must not break a consent page.
 */
@Service
public class ScopeDescriptions {

	private final ScopeRepository scopes;

	public ScopeDescriptions(ScopeRepository scopes) {
		this.scopes = scopes;
	}

	/** In the order given (callers pass a sorted set); one query for all of them, not one per scope. */
	public List<DescribedScope> describe(Collection<String> names) {
		Map<String, Scope> registered = this.scopes.findAllById(names)
			.stream()
			.collect(Collectors.toMap(Scope::getName, Function.identity()));
		return names.stream()
			.map((name) -> registered.containsKey(name) ? DescribedScope.of(registered.get(name))
					: DescribedScope.unknown(name))
			.toList();
	}

}
