package dev.madang.post;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.madang.events.DomainEvent;
import dev.madang.search.index.PostDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A collection whose documents the search index holds copies of, served by the module that owns it (threads with
 * their answers, knowledge-base articles). The search module indexes through this and never reads the collection.
 */
public interface SearchSource {

	/** The ids of this source's documents whose copies {@code event} changed (none when it changed none). */
	Collection<String> changedBy(DomainEvent event);

	/** The documents with these ids (missing ones skipped). */
	Flux<? extends Searchable> find(Collection<String> ids);

	/** Every document whose newest version is not searchable yet. */
	Flux<? extends Searchable> pending();

	/** Every document, for a rebuild. */
	Flux<? extends Searchable> all();

	/** Every document's id and version, for a rebuild's comparison. */
	Flux<Versioned> versions();

	Mono<Long> countPending();

	/** When the oldest pending document was changed; empty when none is pending. */
	Mono<Instant> oldestPending();

	/** Marks every document pending (a new, empty index); returns how many were marked. */
	Mono<Long> markAllPending();

	/** Clears the mark of each document still at the version indexed (a newer edit keeps it pending). */
	Mono<Void> markIndexed(Map<String, Long> versions);

	/** The index documents of a batch of this source's documents, each at its version. */
	Mono<List<PostDocument>> documents(List<? extends Searchable> batch);

	/** A document's id and version. */
	record Versioned(String id, long version) {
	}

}
