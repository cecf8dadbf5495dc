package dev.madang.search;

import java.util.Set;

/** The search index as administrators see it: the alias, the indices behind it, its documents, any rebuild. */
public record SearchIndexView(String alias, Set<String> indices, long documents, long pendingThreads,
		RebuildStatus rebuild) {
}
