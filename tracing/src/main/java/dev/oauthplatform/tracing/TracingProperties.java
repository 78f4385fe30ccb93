package dev.oauthplatform.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where traces go, if anywhere.
 *
 * @param endpoint the collector's OTLP/HTTP traces URL ({@code TRACING_ENDPOINT}, e.g.
 * {@code http://collector:4318/v1/traces}); empty: no tracing
 * @param samplingProbability the share of requests traced when a trace does not come with one
 * ({@code TRACING_SAMPLING_PROBABILITY}); a caller's sampled {@code traceparent} is followed
 */
@ConfigurationProperties("tracing")
public record TracingProperties(@DefaultValue("") String endpoint, @DefaultValue("0.1") double samplingProbability) {

	boolean exporting() {
		return !this.endpoint.isBlank();
	}

}
