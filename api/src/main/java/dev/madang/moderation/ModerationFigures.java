package dev.madang.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Figures for owners and lead moderators: flags by outcome, the queue's size by kind and its oldest item's age, and
 * the median and 90th percentile of the time from a flag to its decision.
 */
@Component
class ModerationFigures {

	private final Flags flags;

	private final ReviewQueue queue;

	private final Clock clock;

	ModerationFigures(Flags flags, ReviewQueue queue, Clock clock) {
		this.flags = flags;
		this.queue = queue;
		this.clock = clock;
	}

	record Figures(Map<String, Long> flagsByOutcome, Map<String, Long> queueByKind, long queueSize,
			Long oldestOpenMinutes, Long flagToDecisionMedianMinutes, Long flagToDecisionP90Minutes, int decidedFlags) {
	}

	Mono<Figures> now() {
		Instant now = this.clock.instant();
		return Mono.zip(this.flags.decided().collectList(), this.flags.countOpen(), this.queue.counts(),
				this.queue.oldestOpenAt().map(Optional::of).defaultIfEmpty(Optional.empty()))
			.map((found) -> {
				Map<String, Long> byOutcome = new TreeMap<>();
				byOutcome.put("open", found.getT2());
				found.getT1().forEach((flag) -> byOutcome.merge(flag.status(), 1L, Long::sum));
				List<Long> waits = found.getT1().stream()
					.map((flag) -> Duration.between(flag.at(), flag.decidedAt()).toMinutes())
					.sorted()
					.toList();
				Map<String, Long> byKind = new TreeMap<>(found.getT3());
				long size = byKind.values().stream().mapToLong(Long::longValue).sum();
				Long oldest = found.getT4().map((at) -> Duration.between(at, now).toMinutes()).orElse(null);
				return new Figures(byOutcome, byKind, size, oldest, percentile(waits, 0.5), percentile(waits, 0.9),
						waits.size());
			});
	}

	/** The nearest-rank percentile of sorted values, or null without any. */
	static Long percentile(List<Long> sorted, double share) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(share * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

}
