package dev.madang.search.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * Bulk writes with external versions (a document's MongoDB version): an older copy never replaces a newer one, and
 * a version conflict means something as new is indexed already, so it counts as done.
 */
final class BulkWriter {

	private final ElasticsearchAsyncClient client;

	BulkWriter(ElasticsearchAsyncClient client) {
		this.client = client;
	}

	/** Indexes or deletes the documents into {@code target}, each with its own outcome. */
	CompletableFuture<BulkOutcome> index(String target, List<PostDocument> documents) {
		if (documents.isEmpty()) {
			return CompletableFuture.completedFuture(new BulkOutcome(List.of(), Map.of()));
		}
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
		for (PostDocument document : documents) {
			if (document.isRemoval()) {
				bulk.operations((operation) -> operation.delete((delete) -> delete.id(document.id())
					.version(document.version())
					.versionType(VersionType.External)));
			}
			else {
				bulk.operations((operation) -> operation.index((index) -> index.id(document.id())
					.version(document.version())
					.versionType(VersionType.External)
					.document(document.source())));
			}
		}
		return this.client.bulk(bulk.build()).thenApply((response) -> {
			List<String> indexed = new ArrayList<>();
			Map<String, String> failed = new LinkedHashMap<>();
			for (BulkResponseItem item : response.items()) {
				if (item.error() == null || "version_conflict_engine_exception".equals(item.error().type())) {
					indexed.add(item.id());
				}
				else {
					failed.put(item.id(), item.error().type() + ": " + item.error().reason());
				}
			}
			return new BulkOutcome(indexed, failed);
		});
	}

}
