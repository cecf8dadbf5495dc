package dev.madang.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

/**
 * A watchdog for requests that never finish: every request is recorded when WebFlux receives it and forgotten when
 * its response completes, and any still open after 10 seconds is logged (once). A hang that shows up here is in the
 * application; a client timing out on a request that never shows up here never reached WebFlux.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InFlightRequests {

	private static final Logger log = LoggerFactory.getLogger(InFlightRequests.class);

	private static final Duration STUCK = Duration.ofSeconds(10);

	private final Map<Long, String> open = new ConcurrentHashMap<>();

	private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter inFlightRequestsWatchdog() {
		ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "in-flight-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		watchdog.scheduleWithFixedDelay(this::reportStuck, 5, 5, TimeUnit.SECONDS);
		return (exchange, chain) -> {
			long id = this.ids.incrementAndGet();
			this.open.put(id, exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath()
					+ " (" + exchange.getRequest().getId() + ")");
			this.startedAt.put(id, System.nanoTime());
			return chain.filter(exchange).doFinally((signal) -> {
				this.open.remove(id);
				this.startedAt.remove(id);
			});
		};
	}

	private void reportStuck() {
		long now = System.nanoTime();
		this.startedAt.forEach((id, started) -> {
			if (now - started > STUCK.toNanos()) {
				log.warn("Request in flight for {} s: {}", (now - started) / 1_000_000_000L, this.open.get(id));
				this.startedAt.remove(id);
			}
		});
	}

}
