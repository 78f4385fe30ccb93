package dev.oauthplatform.auth.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail, under {@code auth.audit.*}.
 *
 * @param retention how long an event is kept before the purge deletes it
 * @param purgeInterval how often one instance of the cluster purges
 * @param flushInterval how long an event may wait in memory before it is written with others
 */
@ConfigurationProperties("auth.audit")
public record AuditProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("200ms") Duration flushInterval) {
}
