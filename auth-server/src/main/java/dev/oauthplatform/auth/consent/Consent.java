package dev.oauthplatform.auth.consent;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.oauthplatform.auth.persistence.SpaceSeparatedSet;

/** What a user allowed a third-party client: remembered per user and client, revocable. */
@Entity
@Table(name = "oauth_consent")
@IdClass(Consent.Key.class)
public class Consent {

	private static final String SCOPE_PREFIX = "SCOPE_";

	@Id
	private String registeredClientId;

	@Id
	private String principalName;

	@Convert(converter = SpaceSeparatedSet.class)
	@Column(columnDefinition = "text")
	private Set<String> authorities = new LinkedHashSet<>();

	private Instant grantedAt;

	public String getRegisteredClientId() { return this.registeredClientId; }
	public void setRegisteredClientId(String id) { this.registeredClientId = id; }
	public String getPrincipalName() { return this.principalName; }
	public void setPrincipalName(String principalName) { this.principalName = principalName; }
	public Set<String> getAuthorities() { return this.authorities; }
	public void setAuthorities(Set<String> authorities) { this.authorities = authorities; }
	public Instant getGrantedAt() { return this.grantedAt; }
	public void setGrantedAt(Instant grantedAt) { this.grantedAt = grantedAt; }

	/** The scopes consented to: the framework stores them as {@code SCOPE_} authorities. */
	public Set<String> getScopes() {
		Set<String> scopes = new LinkedHashSet<>();
		this.authorities.stream()
			.filter((authority) -> authority.startsWith(SCOPE_PREFIX))
			.forEach((authority) -> scopes.add(authority.substring(SCOPE_PREFIX.length())));
		return scopes;
	}

	public record Key(String registeredClientId, String principalName) implements Serializable {

		public Key() {
			this(null, null);
		}

	}

}
