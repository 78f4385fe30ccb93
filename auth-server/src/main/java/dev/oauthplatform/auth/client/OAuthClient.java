package dev.oauthplatform.auth.client;

import dev.oauthplatform.auth.persistence.SpaceSeparatedSet;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered application, as stored. {@link JpaRegisteredClientRepository} maps it for the framework. */
@Entity
@Table(name = "oauth_client")
public class OAuthClient {

	@Id
	private String id;

	private String clientId;

	private String clientName;

	@Enumerated(EnumType.STRING)
	private ClientType clientType;

	/** A keyed hash ({@link ClientSecretHasher}), never the secret. */
	private String clientSecretHash;

	/** After a rotation with a grace period: the old secret's hash, valid until its expiry. */
	private String previousSecretHash;

	private Instant previousSecretExpiresAt;

	/** Recorded at most once a minute ({@link ClientSecrets}), so token requests stay free of writes. */
	private Instant secretLastUsedAt;

	private Instant previousSecretLastUsedAt;

	private Instant clientIdIssuedAt;

	private Instant clientSecretExpiresAt;

	@Convert(converter = SpaceSeparatedSet.class)
	private Set<String> authMethods = new LinkedHashSet<>();

	@Convert(converter = SpaceSeparatedSet.class)
	private Set<String> grantTypes = new LinkedHashSet<>();

	@Convert(converter = SpaceSeparatedSet.class)
	@Column(columnDefinition = "text")
	private Set<String> redirectUris = new LinkedHashSet<>();

	@Convert(converter = SpaceSeparatedSet.class)
	@Column(columnDefinition = "text")
	private Set<String> postLogoutRedirectUris = new LinkedHashSet<>();

	/** Added by an admin: browser origins beyond those of the redirect URIs ({@link BrowserOrigins}). */
	@Convert(converter = SpaceSeparatedSet.class)
	@Column(columnDefinition = "text")
	private Set<String> allowedCorsOrigins = new LinkedHashSet<>();

	@Convert(converter = SpaceSeparatedSet.class)
	@Column(columnDefinition = "text")
	private Set<String> scopes = new LinkedHashSet<>();

	private boolean firstParty;

	private boolean requirePkce = true;

	private String accessTokenFormat = "jwt";

	private long accessTokenTtlSeconds;

	private long refreshTokenTtlSeconds;

	private boolean enabled = true;

	/** May introspect tokens issued to other clients (RFC 7662 §4): an API's own client. */
	private boolean resourceServer;

	/** RFC 8707: what the {@code resource} parameter may name; empty means the default audience only. */
	@Convert(converter = SpaceSeparatedSet.class)
	@Column(columnDefinition = "text")
	private Set<String> audiences = new LinkedHashSet<>();

	private Instant updatedAt;

	public boolean isPublic() {
		return this.authMethods.contains("none");
	}

	public String getId() { return this.id; }
	public void setId(String id) { this.id = id; }
	public String getClientId() { return this.clientId; }
	public void setClientId(String clientId) { this.clientId = clientId; }
	public String getClientName() { return this.clientName; }
	public void setClientName(String clientName) { this.clientName = clientName; }
	public ClientType getClientType() { return this.clientType; }
	public void setClientType(ClientType clientType) { this.clientType = clientType; }
	public String getClientSecretHash() { return this.clientSecretHash; }
	public void setClientSecretHash(String clientSecretHash) { this.clientSecretHash = clientSecretHash; }
	public String getPreviousSecretHash() { return this.previousSecretHash; }
	public void setPreviousSecretHash(String hash) { this.previousSecretHash = hash; }
	public Instant getPreviousSecretExpiresAt() { return this.previousSecretExpiresAt; }
	public void setPreviousSecretExpiresAt(Instant expiresAt) { this.previousSecretExpiresAt = expiresAt; }
	public Instant getSecretLastUsedAt() { return this.secretLastUsedAt; }
	public void setSecretLastUsedAt(Instant lastUsedAt) { this.secretLastUsedAt = lastUsedAt; }
	public Instant getPreviousSecretLastUsedAt() { return this.previousSecretLastUsedAt; }
	public void setPreviousSecretLastUsedAt(Instant lastUsedAt) { this.previousSecretLastUsedAt = lastUsedAt; }
	public Instant getClientIdIssuedAt() { return this.clientIdIssuedAt; }
	public void setClientIdIssuedAt(Instant clientIdIssuedAt) { this.clientIdIssuedAt = clientIdIssuedAt; }
	public Instant getClientSecretExpiresAt() { return this.clientSecretExpiresAt; }
	public void setClientSecretExpiresAt(Instant expiresAt) { this.clientSecretExpiresAt = expiresAt; }
	public Set<String> getAuthMethods() { return this.authMethods; }
	public void setAuthMethods(Set<String> authMethods) { this.authMethods = authMethods; }
	public Set<String> getGrantTypes() { return this.grantTypes; }
	public void setGrantTypes(Set<String> grantTypes) { this.grantTypes = grantTypes; }
	public Set<String> getRedirectUris() { return this.redirectUris; }
	public void setRedirectUris(Set<String> redirectUris) { this.redirectUris = redirectUris; }
	public Set<String> getPostLogoutRedirectUris() { return this.postLogoutRedirectUris; }
	public void setPostLogoutRedirectUris(Set<String> uris) { this.postLogoutRedirectUris = uris; }
	public Set<String> getAllowedCorsOrigins() { return this.allowedCorsOrigins; }
	public void setAllowedCorsOrigins(Set<String> origins) { this.allowedCorsOrigins = origins; }
	public Set<String> getScopes() { return this.scopes; }
	public void setScopes(Set<String> scopes) { this.scopes = scopes; }
	public boolean isFirstParty() { return this.firstParty; }
	public void setFirstParty(boolean firstParty) { this.firstParty = firstParty; }
	public boolean isRequirePkce() { return this.requirePkce; }
	public void setRequirePkce(boolean requirePkce) { this.requirePkce = requirePkce; }
	public String getAccessTokenFormat() { return this.accessTokenFormat; }
	public void setAccessTokenFormat(String accessTokenFormat) { this.accessTokenFormat = accessTokenFormat; }
	public long getAccessTokenTtlSeconds() { return this.accessTokenTtlSeconds; }
	public void setAccessTokenTtlSeconds(long seconds) { this.accessTokenTtlSeconds = seconds; }
	public long getRefreshTokenTtlSeconds() { return this.refreshTokenTtlSeconds; }
	public void setRefreshTokenTtlSeconds(long seconds) { this.refreshTokenTtlSeconds = seconds; }
	public boolean isEnabled() { return this.enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public boolean isResourceServer() { return this.resourceServer; }
	public void setResourceServer(boolean resourceServer) { this.resourceServer = resourceServer; }
	public Set<String> getAudiences() { return this.audiences; }
	public void setAudiences(Set<String> audiences) { this.audiences = audiences; }
	public Instant getUpdatedAt() { return this.updatedAt; }
	public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

}
