package dev.madang.search.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * The insights index: one small document of facts per question (when it was asked, first answered, solved; its
 * area, tags, "me too" count, votes and views), copied from the insights rollup so that owners' figures are
 * aggregations rather than scans. It holds nothing the rollup cannot rebuild: a new schema is a new index name
 * ({@code <prefix>-insights-v<n>}), filled again from the rollup.
 */
public final class InsightIndex {

	public static final int SCHEMA_VERSION = 1;

	private static final String DEFINITION = "insights.json";

	private final ElasticsearchAsyncClient client;

	private final String name;

	public InsightIndex(ElasticsearchAsyncClient client, String prefix) {
		this.client = client;
		this.name = prefix + "-insights-v" + SCHEMA_VERSION;
	}

	public String name() {
		return this.name;
	}

	/** Creates the index unless it exists; true when this call created it (so the caller fills it). */
	public CompletableFuture<Boolean> ensureExists() {
		return this.client.indices().exists((exists) -> exists.index(this.name)).thenCompose((found) -> {
			if (found.value()) {
				return CompletableFuture.completedFuture(false);
			}
			return this.client.indices()
				.create((create) -> create.index(this.name).withJson(definition()))
				.thenApply((created) -> true)
				.exceptionallyCompose(InsightIndex::alreadyExists);
		});
	}

	/**
	 * Writes the documents with their rollup versions (external versioning: an older copy never replaces a newer
	 * one); returns the ids written or already newer, leaving out the ones that failed.
	 */
	public CompletableFuture<List<String>> index(List<FactsDocument> documents) {
		if (documents.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(this.name);
		for (FactsDocument document : documents) {
			bulk.operations((operation) -> operation.index((index) -> index.id(document.id())
				.version(document.version())
				.versionType(VersionType.External)
				.document(document.source())));
		}
		return this.client.bulk(bulk.build()).thenApply((response) -> {
			List<String> written = new ArrayList<>();
			for (BulkResponseItem item : response.items()) {
				if (item.error() == null || "version_conflict_engine_exception".equals(item.error().type())) {
					written.add(item.id());
				}
			}
			return written;
		});
	}

	/** Makes what was written searchable now (tests and the end of a backfill). */
	public CompletableFuture<Void> refresh() {
		return this.client.indices().refresh((refresh) -> refresh.index(this.name)).thenApply((done) -> null);
	}

	/** Runs a search built by the caller against this index. */
	@SuppressWarnings("rawtypes")
	public CompletableFuture<SearchResponse<Map>> search(Function<SearchRequest.Builder, SearchRequest.Builder> request) {
		return this.client.search((builder) -> request.apply(builder.index(this.name)), Map.class);
	}

	/** One question's facts as the index holds them. */
	public record FactsDocument(String id, long version, Map<String, Object> source) {
	}

	private static InputStream definition() {
		InputStream stream = InsightIndex.class.getResourceAsStream(DEFINITION);
		if (stream == null) {
			throw new UncheckedIOException(new IOException("Missing index definition " + DEFINITION));
		}
		return stream;
	}

	private static CompletableFuture<Boolean> alreadyExists(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		if (cause instanceof ElasticsearchException ex && "resource_already_exists_exception".equals(ex.error().type())) {
			return CompletableFuture.completedFuture(false);
		}
		return CompletableFuture.failedFuture(cause);
	}

}
