package dev.madang.thread;

import dev.madang.tag.TagRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Communities that existed before tags were registered have tags only on their questions: on start, when no tag is
 * registered, every tag in use is registered once.
 */
@Component
class TagBackfill {

	private static final Logger log = LoggerFactory.getLogger(TagBackfill.class);

	private final TagRegistry registry;

	private final ThreadService threads;

	TagBackfill(TagRegistry registry, ThreadService threads) {
		this.registry = registry;
		this.threads = threads;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		this.registry.count()
			.filter((count) -> count == 0)
			.flatMap((none) -> this.registry.registerInUse(this.threads.tagsInUse(), "backfill"))
			.filter((registered) -> registered > 0)
			.doOnNext((registered) -> log.info("Registered {} tags already in use", registered))
			.onErrorResume((failure) -> {
				log.warn("Could not register the tags in use: {}", failure.toString());
				return Mono.empty();
			})
			.subscribe();
	}

}
