package dev.oauthplatform.auth.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races: the same request sent from many threads released at once. */
public final class Concurrently {

	private Concurrently() {
	}

	/** The results in submission order; the first failure of any task fails the caller. */
	public static <T> List<T> run(int count, Callable<T> task) {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
