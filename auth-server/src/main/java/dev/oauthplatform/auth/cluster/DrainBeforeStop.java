package dev.oauthplatform.auth.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, the instance first says it refuses traffic (readiness 503) and goes on serving for
 * {@code auth.shutdown.drain-delay}, so that the load balancer takes it out before it stops
 * accepting; then the web server's graceful shutdown lets the requests in flight finish. Without
 * the delay, requests the balancer still sends in that gap would meet a closed port.
 */
@Component
@EnableConfigurationProperties(ShutdownProperties.class)
class DrainBeforeStop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DrainBeforeStop.class);

	/** Stopped before the web server's graceful shutdown (lifecycles stop from the highest phase down). */
	static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;

	private final ShutdownProperties properties;

	private final ApplicationEventPublisher events;

	private volatile boolean running;

	/** Set once this stopped: a start after that (a context stopped and started again) says ready again. */
	private volatile boolean refused;

	DrainBeforeStop(ShutdownProperties properties, ApplicationEventPublisher events) {
		this.properties = properties;
		this.events = events;
	}

	@Override
	public void start() {
		this.running = true;
		if (this.refused) {
			// Boot says ACCEPTING_TRAFFIC once, when the application is ready; not after a restart
			this.refused = false;
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.refused = true;
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		if (!this.properties.drainDelay().isNegative() && !this.properties.drainDelay().isZero()) {
			logger.info("Refusing traffic; serving for {} more before stopping", this.properties.drainDelay());
			try {
				Thread.sleep(this.properties.drainDelay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
