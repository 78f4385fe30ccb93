package dev.oauthplatform.auth.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stopping an instance behind a load balancer, under {@code auth.shutdown.*}.
 *
 * @param drainDelay how long the instance keeps serving after its readiness turned to refusing
 * traffic, before the web server stops accepting: at least the balancer's health-check interval
 * times the failures it needs to take the instance out. Zero for a single instance (and tests).
 */
@ConfigurationProperties("auth.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration drainDelay) {
}
