package dev.madang.post;

/**
 * A document the search index holds a copy of: threads and knowledge-base articles. Every change that affects its
 * copy increments {@code version} and sets {@code indexPending} in the same update; the indexer clears the mark once
 * that version is searchable.
 */
public interface Searchable {

	String getId();

	long getVersion();

	boolean isIndexPending();

}
