package dev.oauthplatform.auth.token;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One grant (a "family" of tokens) as stored. The version makes every token exchange atomic. */
@Entity
@Table(name = "oauth_authorization")
class AuthorizationRecord {

	@Id
	String id;

	String registeredClientId;

	String principalName;

	String grantType;

	@Column(columnDefinition = "text")
	String authorizedScopes;

	@Column(columnDefinition = "text")
	String attributes;

	@Version
	long version;

	Instant createdAt;

	Instant updatedAt;

	Instant expiresAt;

	@OneToMany(mappedBy = "authorization", cascade = CascadeType.ALL, orphanRemoval = true)
	Set<IssuedToken> tokens = new HashSet<>();

}
