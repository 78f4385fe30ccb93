package dev.oauthplatform.auth.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The issuer identifier every token, discovery document and page is under ({@code auth.issuer}). */
@ConfigurationProperties("auth")
public record IssuerProperties(String issuer) {
}
