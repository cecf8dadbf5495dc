package dev.madang.importing;

import java.time.Clock;

import dev.madang.tag.TagRegistry;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** The end of an import: its questions' tags registered, and {@code questions.imported} recorded. */
@Component
class ImportedRecords {

	private final TagRegistry tags;

	private final Outbox outbox;

	private final ThreadService threads;

	private final Clock clock;

	ImportedRecords(TagRegistry tags, Outbox outbox, Clock clock, ThreadService threads) {
		this.threads = threads;
		this.tags = tags;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Ends an import: the imported questions' tags are registered (members use them without the create-tag privilege)
	 * and {@code questions.imported} is recorded, so the indexer sweeps for the new threads at once.
	 */
	Mono<Void> finish(String site) {
		return this.tags.registerInUse(this.threads.tagsInUse(), "import:" + site)
			.then(this.outbox.publish(DomainEvent.of(EventType.QUESTIONS_IMPORTED, site, null, null,
					this.clock.instant(), "site", site)));
	}

}
