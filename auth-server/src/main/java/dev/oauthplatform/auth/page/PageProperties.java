package dev.oauthplatform.auth.page;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the pages end users see name this server ({@code auth.pages.*}). */
@ConfigurationProperties("auth.pages")
public record PageProperties(@DefaultValue("OAuth platform") String productName) {
}
