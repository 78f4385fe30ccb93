package dev.oauthplatform.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether the copy of the deny list in memory is complete ({@link RevokedTokenIds}), and if not,
 * from when it may be read again.
 */
final class CopyCompleteness {

	/** How long the table answers alone after the copy could not be read, or would not fit. */
	private static final Duration REREAD_PAUSE = Duration.ofSeconds(10);

	private volatile boolean complete;

	private volatile Instant nextReread = Instant.MIN;

	/** Moves on whenever the copy may have become incomplete: a re-read begun before it does not count. */
	private final AtomicLong generation = new AtomicLong();

	boolean complete() {
		return this.complete;
	}

	boolean rereadDue() {
		return !Instant.now().isBefore(this.nextReread);
	}

	/** Taken when a re-read begins, for {@link #completeUnlessLostSince}. */
	long generation() {
		return this.generation.get();
	}

	/** Announcements may have been missed: read the copy again at the next chance. */
	void lost() {
		distrust(Instant.MIN);
	}

	/** The copy could not be read, or would not fit: the table answers alone for a while. */
	void lostForAWhile() {
		distrust(Instant.now().plus(REREAD_PAUSE));
	}

	/** After a re-read begun at {@code started}: complete if it fits and nothing was lost meanwhile. */
	boolean completeUnlessLostSince(long started, BooleanSupplier fits) {
		synchronized (this.generation) {
			if (!fits.getAsBoolean()) {
				lostForAWhile();
			}
			else if (this.generation.get() == started) {
				this.complete = true;
			}
		}
		return this.complete;
	}

	private void distrust(Instant rereadFrom) {
		synchronized (this.generation) {
			this.generation.incrementAndGet();
			this.complete = false;
			this.nextReread = rereadFrom;
		}
	}

}
