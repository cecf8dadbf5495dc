package dev.madang.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a deadline, for tests that watch work running on other threads. */
public final class Deadline {

	private Deadline() {
	}

	/** Returns once {@code condition} holds; fails with {@code what} when it still does not after {@code timeout}. */
	public static void awaitTrue(Duration timeout, BooleanSupplier condition, String what) {
		eventually(timeout, () -> {
			if (!condition.getAsBoolean()) {
				throw new AssertionError("Not within " + timeout + ": " + what);
			}
		});
	}

	/** Returns once {@code check} passes; rethrows its last failure when it still fails after {@code timeout}. */
	public static void eventually(Duration timeout, Runnable check) {
		long end = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > end) {
					throw ex;
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
