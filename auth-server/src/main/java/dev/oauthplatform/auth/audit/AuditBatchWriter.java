package dev.oauthplatform.auth.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background writer of {@link AuditLog}: inserts what is queued in one batch every
 * {@code auth.audit.flush-interval}. On shutdown it stops after the web server (no request can add
 * an event any more) and writes what is left, before the database pool closes; an event recorded
 * after that, or when the queue is full, is written by its caller.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditBatchWriter implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AuditBatchWriter.class);

	/** Stopped after the web server (lifecycles stop from the highest phase down). */
	static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;

	private static final int MAX_QUEUED = 100_000;

	private static final int MAX_ATTEMPTS = 25;

	private final BlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>(MAX_QUEUED);

	private final AuditEvents store;

	private final AuditProperties properties;

	private final Object writing = new Object();

	/** A batch whose write failed, written first by the next flush; guarded by {@link #writing}. */
	private final List<AuditEvent> failed = new ArrayList<>();

	private int failedAttempts;

	/** What the writer waits on between flushes; notified to stop. */
	private final Object wakeUp = new Object();

	private volatile boolean running;

	private volatile Thread writer;

	AuditBatchWriter(AuditEvents store, AuditProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/** Queued for the next flush; written by the caller when the writer is not running or the queue is full. */
	void add(AuditEvent event) {
		if (!this.running || !this.queue.offer(event)) {
			writeNow(List.of(event));
		}
	}

	/** Writes every queued event now (the writer does every flush interval). */
	void flush() {
		synchronized (this.writing) {
			List<AuditEvent> batch = new ArrayList<>(this.failed);
			this.failed.clear();
			if (batch.isEmpty()) {
				this.queue.drainTo(batch, AuditEvents.MAX_BATCH);
			}
			while (!batch.isEmpty()) {
				if (!write(batch)) {
					return;
				}
				batch.clear();
				this.queue.drainTo(batch, AuditEvents.MAX_BATCH);
			}
		}
	}

	/**
	 * Writes a batch, or keeps it for the next flush (the database may be restarting): a batch is
	 * given up, logged, after {@link #MAX_ATTEMPTS} failures.
	 */
	private boolean write(List<AuditEvent> batch) {
		try {
			this.store.insert(batch);
			this.failedAttempts = 0;
			return true;
		}
		catch (RuntimeException ex) {
			this.failedAttempts++;
			if (this.failedAttempts < MAX_ATTEMPTS && this.running) {
				logger.warn("Could not write {} audit events (attempt {}), trying again: {}", batch.size(),
						this.failedAttempts, ex.toString());
				this.failed.addAll(batch);
			}
			else {
				logger.error("Could not write {} audit events, given up: {}", batch.size(),
						batch.stream().map(AuditEvent::type).toList(), ex);
				this.failedAttempts = 0;
			}
			return false;
		}
	}

	private void writeNow(List<AuditEvent> events) {
		try {
			this.store.insert(events);
		}
		catch (RuntimeException ex) {
			logger.error("Could not write {} audit events: {}", events.size(), events.stream().map(AuditEvent::type).toList(),
					ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::writeUntilStopped, "audit-writer");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	private void writeUntilStopped() {
		while (this.running) {
			synchronized (this.wakeUp) {
				try {
					if (this.running) {
						this.wakeUp.wait(this.properties.flushInterval().toMillis());
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			flush();
		}
	}

	@Override
	public void stop() {
		synchronized (this.wakeUp) {
			this.running = false;
			this.wakeUp.notifyAll();
		}
		Thread thread = this.writer;
		if (thread != null) {
			try {
				// the batch being written, if any
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		flush();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Anything recorded between the stop and the pool's closing. */
	@Override
	public void destroy() {
		flush();
	}

}
