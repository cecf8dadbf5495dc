package dev.madang.search.index;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;

/**
 * The posts index: its names, administration ({@link IndexAdministration}), bulk writes ({@link BulkWriter}), the
 * requests it answers ({@link PostQueries}) and what their responses become ({@link PostHits}). The alias
 * ({@code <prefix>-posts}) is what readers and writers use; the concrete index carries the schema version
 * ({@code <prefix>-posts-v4}) so a rebuild can swap it without downtime.
 */
public final class PostIndex {

	public static final int SCHEMA_VERSION = 4;

	private final ElasticsearchAsyncClient client;

	private final String alias;

	private final IndexAdministration administration;

	private final BulkWriter writer;

	public PostIndex(ElasticsearchAsyncClient client, String prefix) {
		this.client = client;
		this.alias = prefix + "-posts";
		this.administration = new IndexAdministration(client, this.alias, concreteName(), this::isCurrentSchema);
		this.writer = new BulkWriter(client);
	}

	public String alias() {
		return this.alias;
	}

	public String concreteName() {
		return this.alias + "-v" + SCHEMA_VERSION;
	}

	/** A fresh concrete name for a rebuild of this schema: {@code <alias>-v<schema>-<millis>}. */
	public String rebuildName(Instant now) {
		return concreteName() + "-" + now.toEpochMilli();
	}

	/** Whether the concrete index was made for this schema (by the first start or by a rebuild). */
	public boolean isCurrentSchema(String index) {
		return index.equals(concreteName()) || index.startsWith(concreteName() + "-");
	}

	/** The concrete indices the alias points at now (none when it does not exist). */
	public CompletableFuture<Set<String>> indicesBehindAlias() {
		return this.administration.indicesBehindAlias();
	}

	/** Creates a concrete index from the definition, not behind the alias yet, refreshing only when told to. */
	public CompletableFuture<Void> createUnaliased(String index) {
		return this.administration.createUnaliased(index);
	}

	/**
	 * Points the alias at {@code index} alone in one atomic step, restoring its refresh interval first. Returns the
	 * indices it pointed at before, which the caller deletes once searches begun on them have ended.
	 */
	public CompletableFuture<Set<String>> moveAliasTo(String index) {
		return this.administration.moveAliasTo(index);
	}

	/** Deletes concrete indices: ones the alias moved away from, or an abandoned rebuild's. */
	public CompletableFuture<Void> delete(Collection<String> indices) {
		return this.administration.delete(indices);
	}

	/** How many documents the alias's index holds (searchable ones, after the last refresh). */
	public CompletableFuture<Long> count() {
		return this.administration.count();
	}

	/**
	 * What the alias points at: nothing yet (then this schema's index is created behind it, new and empty), this
	 * schema's index, or an older schema's, which keeps serving until a rebuild replaces it. Safe to race with other
	 * instances.
	 */
	public CompletableFuture<IndexState> ensureExists() {
		return this.administration.ensureExists();
	}

	/**
	 * Indexes (or, for removals, deletes) the documents in one bulk call with external versioning, and reports each
	 * one's outcome; removing a document that is not there counts as done.
	 */
	public CompletableFuture<BulkOutcome> index(List<PostDocument> documents) {
		return index(this.alias, documents);
	}

	/** The same, into a named index (a rebuild's, before the alias points at it). */
	public CompletableFuture<BulkOutcome> index(String target, List<PostDocument> documents) {
		return this.writer.index(target, documents);
	}

	/** Ranked matches for free text, newest first when it is blank. */
	public CompletableFuture<PostSearchResult> search(String text, int size) {
		return search(SearchQuery.text(text, size));
	}

	/**
	 * Matches for the query with its filters, highlighted, with facet counts. Relevance is BM25 over title, body, the
	 * accepted answer (×1.2) and the other answers, typos forgiven in words of 5 characters or more, multiplied by 1.5
	 * for solved questions and by 1.2 for questions voted to 5 or more: a solved, well-voted answer is what a customer
	 * searching wants first.
	 */
	public CompletableFuture<PostSearchResult> search(SearchQuery query) {
		return search(query, 0);
	}

	/**
	 * The same, with up to {@code articles} knowledge-base articles matching the text, in one round trip
	 * ({@code _msearch}): an article search failing alone leaves the results without articles.
	 */
	public CompletableFuture<PostSearchResult> search(SearchQuery query, int articles) {
		if (articles == 0 || !query.hasText()) {
			return this.client.search(searchRequest(query), PostDocument.Source.class)
				.thenApply((response) -> PostHits.result(query, response, List.of()));
		}
		MsearchRequest both = MsearchRequest.of((msearch) -> msearch
			.searches((item) -> item.header((header) -> header.index(this.alias))
				.body(PostQueries.body(searchRequest(query))))
			.searches((item) -> item.header((header) -> header.index(this.alias))
				.body(PostQueries.body(articlesRequest(query.text(), false, articles)))));
		return this.client.msearch(both, PostDocument.Source.class).thenApply((response) -> {
			MultiSearchResponseItem<PostDocument.Source> results = response.responses().get(0);
			MultiSearchResponseItem<PostDocument.Source> official = response.responses().get(1);
			if (results.isFailure()) {
				throw new ElasticsearchException("msearch", results.failure());
			}
			List<PostHit> found = official.isResult()
					? official.result().hits().hits().stream().map(PostHits::toHit).toList() : List.of();
			return PostHits.result(query, results.result(), found);
		});
	}

	/** The request {@link #search(SearchQuery)} sends (the benchmark sends the same one straight to Elasticsearch). */
	public SearchRequest searchRequest(SearchQuery query) {
		return PostQueries.searchRequest(this.alias, query);
	}

	/**
	 * Up to {@code size} questions like the given text (a title being typed, or another question's title and body),
	 * solved ones ranked up, leaving out {@code excludeId}.
	 */
	/**
	 * Runs an aggregation request built by the caller over the posts (owners' emerging topics); a missing index
	 * answers as an error the caller reads as "nothing yet".
	 */
	@SuppressWarnings("rawtypes")
	public CompletableFuture<co.elastic.clients.elasticsearch.core.SearchResponse<java.util.Map>> aggregate(
			java.util.function.Function<SearchRequest.Builder, SearchRequest.Builder> request) {
		return this.client.search((builder) -> request.apply(builder.index(this.alias)), java.util.Map.class);
	}

	public CompletableFuture<List<PostHit>> similar(String text, String excludeId, int size) {
		if (text == null || text.isBlank()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return hits(PostQueries.similarRequest(this.alias, text, excludeId, size));
	}

	/**
	 * Knowledge-base articles for free text, best first: the official answers a search shows above the community's
	 * ({@code alike}: the ones shown while a question is typed).
	 */
	public CompletableFuture<List<PostHit>> articles(String text, boolean alike, int size) {
		if (text == null || text.isBlank()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return hits(articlesRequest(text, alike, size));
	}

	/** The request {@link #articles} sends (the benchmark sends the same one straight to Elasticsearch). */
	public SearchRequest articlesRequest(String text, boolean alike, int size) {
		return PostQueries.articlesRequest(this.alias, text, alike, size);
	}

	private CompletableFuture<List<PostHit>> hits(SearchRequest request) {
		return this.client.search(request, PostDocument.Source.class)
			.thenApply((response) -> response.hits().hits().stream().map(PostHits::toHit).toList());
	}

}
