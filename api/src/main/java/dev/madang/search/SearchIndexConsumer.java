package dev.madang.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Keeps the posts index up to date from the event log: the threads and articles a batch of events names are indexed
 * if still pending (idempotent: an indexed version is never indexed again, and external versions keep anything older
 * out). History needs no replay: every document not yet indexed is marked {@code indexPending}, which the indexer's
 * sweep finds.
 */
@Component
class SearchIndexConsumer implements EventConsumer {

	private final ThreadIndexer indexer;

	SearchIndexConsumer(ThreadIndexer indexer) {
		this.indexer = indexer;
	}

	@Override
	public String name() {
		return "search-index";
	}

	@Override
	public boolean startsFromFirstEvent() {
		return false;
	}

	/** The indexer logs Elasticsearch's failures itself, once, and shows them in the health check. */
	@Override
	public boolean reportsOwnFailures() {
		return true;
	}

	@Override
	public boolean wants(DomainEvent event) {
		return event.threadId() != null || event.type().startsWith("article.")
				|| event.is(EventType.QUESTIONS_IMPORTED);
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		Set<String> threads = new LinkedHashSet<>();
		Set<String> articles = new LinkedHashSet<>();
		boolean sweep = false;
		for (DomainEvent event : events) {
			if (event.type().startsWith("article.")) {
				articles.add(event.subject());
			}
			else if (event.is(EventType.QUESTIONS_IMPORTED)) {
				sweep = true;
			}
			if (event.threadId() != null) {
				threads.add(event.threadId());
			}
		}
		return this.indexer.indexChanged(threads, articles, sweep);
	}

}
