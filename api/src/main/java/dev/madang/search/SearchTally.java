package dev.madang.search;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts text searches (first pages only) and the results opened from them, for owners' self-service figures,
 * without a write per search: counts gather in memory per normalized query and are recorded every
 * {@code madang.search.tally-interval} (10 s) as one {@code search.counted} event per query (and once more at a clean stop). A crash loses
 * the last seconds of counts, as with views. A result opened from the search page carries {@code sq} (the query) and
 * is counted here as a click.
 */
@Component
class SearchTally implements SmartLifecycle, WebFilter {

	private static final Logger log = LoggerFactory.getLogger(SearchTally.class);

	static final int LONGEST_QUERY = 100;

	/** A query's counts since the last flush: searches, whether it found nothing, results opened. */
	record Counts(long searches, boolean zero, long clicks) {

		Counts plus(Counts other) {
			// Whether it found nothing is the latest search's answer.
			return new Counts(this.searches + other.searches, (other.searches > 0) ? other.zero : this.zero,
					this.clicks + other.clicks);
		}

	}

	private final Map<String, Counts> pending = new ConcurrentHashMap<>();

	private final Outbox outbox;

	private final Clock clock;

	private final Duration interval;

	private volatile Disposable flushing;

	SearchTally(Outbox outbox, Clock clock, SearchProperties settings) {
		this.outbox = outbox;
		this.clock = clock;
		this.interval = settings.tallyInterval();
	}

	static String normalized(String query) {
		String text = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return (text.length() > LONGEST_QUERY) ? text.substring(0, LONGEST_QUERY) : text;
	}

	void searched(String query, boolean foundNothing) {
		String key = normalized(query);
		if (!key.isEmpty()) {
			this.pending.merge(key, new Counts(1, foundNothing, 0), Counts::plus);
		}
	}

	void clicked(String query) {
		String key = normalized(query);
		if (!key.isEmpty()) {
			this.pending.merge(key, new Counts(0, false, 1), Counts::plus);
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String query = exchange.getRequest().getQueryParams().getFirst("sq");
		if (query != null && exchange.getRequest().getPath().value().startsWith("/t/")) {
			clicked(query);
		}
		return chain.filter(exchange);
	}

	Mono<Void> flush() {
		return Flux.fromIterable(this.pending.keySet()).concatMap((query) -> {
			Counts counts = this.pending.remove(query);
			if (counts == null) {
				return Mono.empty();
			}
			return this.outbox.publish(DomainEvent.of(EventType.SEARCHES_COUNTED, query, null, null, this.clock.instant(),
					"query", query, "searches", counts.searches(), "zero", counts.zero(), "clicks", counts.clicks()));
		}).then();
	}

	@Override
	public void start() {
		this.flushing = Flux.interval(this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> flush().onErrorResume((failure) -> {
				log.warn("Could not record search counts: {}", failure.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.flushing;
		if (running != null) {
			running.dispose();
		}
		try {
			flush().block(Duration.ofSeconds(5));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the last search counts: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		Disposable running = this.flushing;
		return running != null && !running.isDisposed();
	}

}
