package dev.oauthplatform.auth.config;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.oauthplatform.auth.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code TRACING_ENDPOINT}, no request is traced: the sampler drops every span, a caller's sampled one too. */
class TracingOffByDefaultTest extends HttpTest {

	@Autowired
	private Sampler sampler;

	@Test
	void noSpanIsSampledWithoutACollector() {
		assertThat(this.sampler.shouldSample(Context.root(), "0af7651916cd43dd8448eb211c80319c", "http post",
				SpanKind.SERVER, Attributes.empty(), List.of()).getDecision()).isEqualTo(SamplingDecision.DROP);
		assertThat(this.sampler.getDescription()).isEqualTo("AlwaysOffSampler");
	}

}
