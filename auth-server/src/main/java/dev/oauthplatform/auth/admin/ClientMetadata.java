package dev.oauthplatform.auth.admin;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.http.HttpStatus;

import dev.oauthplatform.auth.client.ClientType;
import dev.oauthplatform.auth.client.NewClient;

/**
 * A registration or update request: RFC 7591 §2 client metadata, plus OpenID Connect's {@code post_logout_redirect_uris} and ours ({@code client_type},
 * {@code first_party}, {@code require_pkce}, {@code access_token_format}, lifetimes in seconds,
 * {@code resource_server}, {@code audiences}, {@code allowed_cors_origins}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClientMetadata(String clientId, String clientName, String clientType, List<String> redirectUris,
		List<String> grantTypes, List<String> responseTypes, String tokenEndpointAuthMethod, String scope,
		Boolean firstParty, Boolean requirePkce, String accessTokenFormat, Long accessTokenTtl,
		Long refreshTokenTtl, Boolean enabled, List<String> postLogoutRedirectUris, Boolean resourceServer,
		List<String> audiences, List<String> allowedCorsOrigins) {

	NewClient toNewClient() {
		return new NewClient(this.clientId, this.clientName, type(), set(this.redirectUris), scopes(),
				Boolean.TRUE.equals(this.firstParty), this.requirePkce, this.tokenEndpointAuthMethod,
				set(this.grantTypes), set(this.responseTypes), this.accessTokenFormat, this.accessTokenTtl,
				this.refreshTokenTtl, Boolean.TRUE.equals(this.resourceServer), set(this.audiences));
	}

	/** Null when not given: a replace then leaves them as they are. */
	Set<String> postLogoutRedirectUriSet() {
		return set(this.postLogoutRedirectUris);
	}

	/** Null when not given: a replace then leaves them as they are. */
	Set<String> allowedCorsOriginSet() {
		return set(this.allowedCorsOrigins);
	}

	private ClientType type() {
		if (this.clientType == null) {
			return null;
		}
		return Arrays.stream(ClientType.values())
			.filter((type) -> type.value().equals(this.clientType.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new AdminApiException(HttpStatus.BAD_REQUEST,
					"invalid_client_metadata", "client_type '" + this.clientType
							+ "' is not one of web, spa, native, m2m, cli"));
	}

	/** RFC 7591 §2: one space-separated string. */
	private Set<String> scopes() {
		if (this.scope == null) {
			return null;
		}
		return Arrays.stream(this.scope.trim().split(" +"))
			.filter((scope) -> !scope.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static Set<String> set(List<String> values) {
		return (values != null) ? new LinkedHashSet<>(values) : null;
	}

}
