package dev.madang.search;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import dev.madang.post.SearchSource;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Keeps the posts index up to date from the event log: the documents a batch of events changed (each source says which
 * of its own) are indexed if still pending (idempotent: an indexed version is never indexed again, and external versions keep anything older
 * out). History needs no replay: every document not yet indexed is marked {@code indexPending}, which the indexer's
 * sweep finds.
 */
@Component
class SearchIndexConsumer implements EventConsumer {

	private final SearchIndexer indexer;

	private final List<SearchSource> sources;

	SearchIndexConsumer(SearchIndexer indexer, List<SearchSource> sources) {
		this.indexer = indexer;
		this.sources = sources;
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
		return event.is(EventType.QUESTIONS_IMPORTED)
				|| this.sources.stream().anyMatch((source) -> !source.changedBy(event).isEmpty());
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		Map<SearchSource, Set<String>> changed = new LinkedHashMap<>();
		boolean sweep = false;
		for (DomainEvent event : events) {
			sweep |= event.is(EventType.QUESTIONS_IMPORTED);
			for (SearchSource source : this.sources) {
				changed.computeIfAbsent(source, (key) -> new LinkedHashSet<>()).addAll(source.changedBy(event));
			}
		}
		return this.indexer.indexChanged(changed, sweep);
	}

}
