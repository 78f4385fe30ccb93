package dev.oauthplatform.tracing;

import java.util.List;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry.ObservationConfig;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Traces go to the collector {@code TRACING_ENDPOINT} names, and nowhere without one: then no span
 * is ever sampled, and the tracing observation handlers are not even registered, so a request pays
 * nothing for tracing (before, the unsampled span, its propagation and the tracing-aware metrics
 * handler were ~28% of the token endpoint's request-thread CPU samples: bench/WARMUP.md). Decided in the bean methods
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

	/**
	 * Without a collector, Boot's tracing handler group registers the metrics handlers only: no
	 * tracing handlers (an unsampled span per observation, context propagation, scopes) and no
	 * tracing-aware wrapper around the metrics handler. Kept as is when exporting.
	 */
	@Bean
	static BeanPostProcessor tracingHandlersOnlyWhenExporting(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ObservationHandlerGroup group
						&& TracingObservationHandler.class.equals(group.handlerType())
						&& environment.getProperty("tracing.endpoint", "").isBlank()) {
					return new WithoutTracing(group);
				}
				return bean;
			}
		};
	}

	/** Boot's tracing-and-metrics group, keeping its members and order, registering the non-tracing ones only. */
	private record WithoutTracing(ObservationHandlerGroup group) implements ObservationHandlerGroup {

		@Override
		public boolean isMember(ObservationHandler<?> handler) {
			return this.group.isMember(handler);
		}

		@Override
		public void registerMembers(ObservationConfig config, List<ObservationHandler<?>> members) {
			List<ObservationHandler<?>> others = members.stream()
				.filter((handler) -> !(handler instanceof TracingObservationHandler))
				.toList();
			if (!others.isEmpty()) {
				ObservationHandlerGroup.of(ObservationHandler.class).registerMembers(config, others);
			}
		}

		@Override
		public int compareTo(ObservationHandlerGroup other) {
			return this.group.compareTo(other);
		}

		@Override
		public Class<?> handlerType() {
			return this.group.handlerType();
		}

	}

}
