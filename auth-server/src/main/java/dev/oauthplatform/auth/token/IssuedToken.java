package dev.oauthplatform.auth.token;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A code, token or state of an authorization, found by the SHA-256 of its value. */
@Entity
@Table(name = "oauth_token")
class IssuedToken {

	@Id
	String tokenHash;

	@ManyToOne
	@JoinColumn(name = "authorization_id")
	AuthorizationRecord authorization;

	@Enumerated(EnumType.STRING)
	TokenKind kind;

	Instant issuedAt;

	Instant expiresAt;

	String accessTokenType;

	@Column(columnDefinition = "text")
	String scopes;

	@Column(columnDefinition = "text")
	String metadata;

}
