package dev.madang.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * The index behind the alias: creating it from its definition ({@code posts.json}), creating a rebuild's index,
 * moving the alias in one step, deleting retired indices, counting.
 */
final class IndexAdministration {

	private static final String DEFINITION = "posts.json";

	private final ElasticsearchAsyncClient client;

	private final String alias;

	private final String concreteName;

	private final Predicate<String> currentSchema;

	IndexAdministration(ElasticsearchAsyncClient client, String alias, String concreteName,
			Predicate<String> currentSchema) {
		this.client = client;
		this.alias = alias;
		this.concreteName = concreteName;
		this.currentSchema = currentSchema;
	}

	/** The concrete indices the alias points at now (none when it does not exist). */
	CompletableFuture<java.util.Set<String>> indicesBehindAlias() {
		return this.client.indices().existsAlias((request) -> request.name(this.alias)).thenCompose((exists) -> {
			if (!exists.value()) {
				return CompletableFuture.completedFuture(java.util.Set.<String>of());
			}
			return this.client.indices().getAlias((request) -> request.name(this.alias))
				.thenApply((current) -> java.util.Set.copyOf(current.result().keySet()));
		});
	}

	/** Creates a concrete index from the definition, not behind the alias yet, refreshing only when told to. */
	CompletableFuture<Void> createUnaliased(String index) {
		return this.client.indices()
			.create((request) -> request.withJson(definition()).index(index))
			.thenCompose((created) -> this.client.indices().putSettings((request) -> request.index(index)
				.settings((settings) -> settings.refreshInterval((interval) -> interval.time("-1")))))
			.thenApply((updated) -> null);
	}

	/**
	 * Points the alias at {@code index} alone in one atomic step, restoring its refresh interval first: readers never
	 * see a moment without an index. Returns the indices it pointed at before, which the caller deletes once searches
	 * begun on them have ended.
	 */
	CompletableFuture<java.util.Set<String>> moveAliasTo(String index) {
		return this.client.indices()
			.putSettings((request) -> request.index(index).settings((settings) -> settings.refreshInterval(
					(interval) -> interval.time("1s"))))
			.thenCompose((ignored) -> this.client.indices().refresh((request) -> request.index(index)))
			.thenCompose((ignored) -> indicesBehindAlias())
			.thenCompose((previous) -> this.client.indices().updateAliases((update) -> {
				for (String old : previous) {
					if (!old.equals(index)) {
						update.actions((action) -> action.remove((remove) -> remove.index(old).alias(this.alias)));
					}
				}
				return update.actions((action) -> action.add((add) -> add.index(index).alias(this.alias).isWriteIndex(true)));
			}).thenApply((moved) -> {
				java.util.Set<String> retired = new java.util.TreeSet<>(previous);
				retired.remove(index);
				return java.util.Set.copyOf(retired);
			}));
	}

	/** Deletes concrete indices: ones the alias moved away from, or an abandoned rebuild's. */
	CompletableFuture<Void> delete(java.util.Collection<String> indices) {
		if (indices.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		return this.client.indices().delete((delete) -> delete.index(List.copyOf(indices))).thenApply((deleted) -> null);
	}

	/** How many documents the alias's index holds (searchable ones, after the last refresh). */
	CompletableFuture<Long> count() {
		return this.client.count((count) -> count.index(this.alias)).thenApply((response) -> response.count());
	}

	/**
	 * What the alias points at: nothing yet (then this schema's index is created behind it, and is new and empty),
	 * this schema's index, or an older schema's, which keeps serving until a rebuild replaces it. Safe to race with
	 * other instances.
	 */
	CompletableFuture<IndexState> ensureExists() {
		return indicesBehindAlias().thenCompose((current) -> {
			if (current.isEmpty()) {
				return this.client.indices()
					.create((request) -> request.withJson(definition()).index(this.concreteName)
						.aliases(this.alias, (alias) -> alias.isWriteIndex(true)))
					.thenApply((created) -> IndexState.CREATED)
					.exceptionallyCompose(IndexAdministration::ignoreAlreadyExists);
			}
			return CompletableFuture.completedFuture(
					current.stream().anyMatch(this.currentSchema) ? IndexState.READY : IndexState.OUTDATED);
		});
	}

	private static InputStream definition() {
		InputStream stream = PostIndex.class.getResourceAsStream(DEFINITION);
		if (stream == null) {
			throw new UncheckedIOException(new IOException("Missing index definition " + DEFINITION));
		}
		return stream;
	}

	/** Another instance created it a moment ago: it is new all the same. */
	private static CompletableFuture<IndexState> ignoreAlreadyExists(Throwable failure) {
		Throwable cause = (failure instanceof java.util.concurrent.CompletionException) ? failure.getCause() : failure;
		if (cause instanceof ElasticsearchException ex && "resource_already_exists_exception".equals(ex.error().type())) {
			return CompletableFuture.completedFuture(IndexState.CREATED);
		}
		return CompletableFuture.failedFuture(cause);
	}

}
