package dev.oauthplatform.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Traces go to the collector {@code TRACING_ENDPOINT} names, and nowhere without one: then no span
 * is ever sampled, so a request pays for an unrecorded span at most. Decided in the bean methods
 * when the application starts, not by conditions, because with Spring's build-time bean
 * definitions (auth-server under {@code -Dspring.aot.enabled=true}) conditions were settled at
 * build time, when no endpoint was set.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

	@Bean
	Sampler tracingSampler(TracingProperties tracing) {
		if (!tracing.exporting()) {
			// not even a caller's sampled traceparent: nothing would receive the spans
			return Sampler.alwaysOff();
		}
		return Sampler.parentBased(Sampler.traceIdRatioBased(tracing.samplingProbability()));
	}

	@Bean
	SpanExporter tracingSpanExporter(TracingProperties tracing) {
		if (!tracing.exporting()) {
			return SpanExporter.composite();
		}
		return OtlpHttpSpanExporter.builder().setEndpoint(tracing.endpoint()).build();
	}

}
