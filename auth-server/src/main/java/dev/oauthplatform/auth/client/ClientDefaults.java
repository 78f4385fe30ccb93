package dev.oauthplatform.auth.client;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

import dev.oauthplatform.auth.token.TokenProperties;

/**
 * What a registration or update request sets on a client, and what its omitted fields become
 * (RFC 7592 §2.2: the defaults of the client's type and of the server's token settings).
 * {@link ClientRegistrar} stores the result and {@link RegistrationCheck} only judges it, both
 * after {@link ClientPolicy}.
 */
@Component
class ClientDefaults {

	private final TokenProperties tokens;

	ClientDefaults(TokenProperties tokens) {
		this.tokens = tokens;
	}

	/** Replaces every field the request governs; the client's id and type are set before. */
	void apply(OAuthClient client, NewClient request) {
		ClientType type = client.getClientType();
		String authMethod = (request.authMethod() != null) ? request.authMethod() : type.defaultAuthMethod().getValue();
		client.setClientName(request.clientName());
		client.setAuthMethods(new LinkedHashSet<>(Set.of(authMethod)));
		client.setGrantTypes(grantTypes(request, type));
		GrantRules.checkResponseTypes(request.responseTypes(), client.getGrantTypes());
		client.setRedirectUris(new LinkedHashSet<>(nullToEmpty(request.redirectUris())));
		client.setScopes(new LinkedHashSet<>(nullToEmpty(request.scopes())));
		client.setFirstParty(request.firstParty());
		client.setResourceServer(request.resourceServer());
		client.setAudiences(new LinkedHashSet<>(nullToEmpty(request.audiences())));
		// only a confidential backend may opt out (seed 002's legacy flow): ClientPolicy refuses the rest
		client.setRequirePkce(request.requirePkce() == null || request.requirePkce());
		client.setAccessTokenFormat((request.accessTokenFormat() != null) ? request.accessTokenFormat() : "jwt");
		client.setAccessTokenTtlSeconds(orDefault(request.accessTokenTtlSeconds(),
				this.tokens.accessTokenTtl().toSeconds()));
		client.setRefreshTokenTtlSeconds(orDefault(request.refreshTokenTtlSeconds(),
				this.tokens.refreshTokenTtl().toSeconds()));
		client.setUpdatedAt(Instant.now());
	}

	private static Set<String> grantTypes(NewClient request, ClientType type) {
		Set<String> grants = new LinkedHashSet<>();
		if (request.grantTypes() != null) {
			GrantRules.checkGrantNames(request.grantTypes());
			grants.addAll(request.grantTypes());
		}
		else {
			type.defaultGrants().stream().map(AuthorizationGrantType::getValue).sorted().forEach(grants::add);
		}
		return grants;
	}

	private static Set<String> nullToEmpty(Set<String> values) {
		return (values != null) ? values : Set.of();
	}

	private static long orDefault(Long value, long fallback) {
		return (value != null) ? value : fallback;
	}

}
