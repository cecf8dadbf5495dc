package dev.madang.lease;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A job that one instance at a time runs every {@code interval}: each tick takes (or renews) the lease on
 * {@code job} for {@code hold} and, while held, runs one round; a round that fails is logged and the next tick tries
 * again; a tick that comes while a round still runs is dropped. Stopping gives the lease up so another instance need
 * not wait for it to expire.
 */
public final class LeasedLoop {

	private static final Logger log = LoggerFactory.getLogger(LeasedLoop.class);

	private final JobLease lease;

	private final String job;

	private final Duration interval;

	private final Duration hold;

	private final Supplier<Mono<Void>> round;

	private volatile Disposable loop;

	public LeasedLoop(JobLease lease, String job, Duration interval, Duration hold, Supplier<Mono<Void>> round) {
		this.lease = lease;
		this.job = job;
		this.interval = interval;
		this.hold = hold;
		this.round = round;
	}

	public void start() {
		this.loop = Flux.interval(Duration.ZERO, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> this.lease.acquire(this.job, this.hold)
				.filter(Boolean::booleanValue)
				.flatMap((held) -> this.round.get())
				.onErrorResume((failure) -> {
					log.warn("A round of {} failed: {}", this.job, failure.toString());
					return Mono.empty();
				}), 1)
			.subscribe();
	}

	public void stop() {
		Disposable running = this.loop;
		if (running != null) {
			running.dispose();
		}
		this.lease.release(this.job).timeout(Duration.ofSeconds(2)).onErrorResume((failure) -> Mono.empty()).subscribe();
	}

	public boolean isRunning() {
		Disposable running = this.loop;
		return running != null && !running.isDisposed();
	}

}
