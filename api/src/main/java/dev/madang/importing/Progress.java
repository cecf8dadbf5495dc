package dev.madang.importing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A console progress line for one import step: done/total, percent, rate and time left, redrawn at most 4×/s. */
final class Progress {

	private final PrintStream out;

	private final String label;

	private final long total;

	private final long startNanos = System.nanoTime();

	private final AtomicLong done = new AtomicLong();

	private volatile long lastDrawNanos;

	Progress(PrintStream out, String label, long total) {
		this.out = out;
		this.label = label;
		this.total = Math.max(total, 1);
	}

	void step() {
		long now = System.nanoTime();
		long count = this.done.incrementAndGet();
		if (this.out != null && (now - this.lastDrawNanos > 250_000_000L || count == this.total)) {
			this.lastDrawNanos = now;
			draw(count, now);
		}
	}

	void finish() {
		if (this.out != null) {
			draw(this.done.get(), System.nanoTime());
			this.out.println();
		}
	}

	long done() {
		return this.done.get();
	}

	private void draw(long count, long now) {
		double seconds = Math.max((now - this.startNanos) / 1e9, 0.001);
		double rate = count / seconds;
		long left = (rate > 0) ? (long) ((this.total - count) / rate) : 0;
		int width = 30;
		int filled = (int) Math.min(width, width * count / this.total);
		this.out.printf("\r%-22s [%s%s] %,d/%,d %3d%%  %,.0f/s  ETA %s   ", this.label, "#".repeat(filled),
				".".repeat(width - filled), count, this.total, 100 * count / this.total, rate,
				format(Duration.ofSeconds(Math.max(left, 0))));
		this.out.flush();
	}

	private static String format(Duration duration) {
		return (duration.toHours() > 0) ? String.format("%dh%02dm", duration.toHours(), duration.toMinutesPart())
				: String.format("%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
	}

}
