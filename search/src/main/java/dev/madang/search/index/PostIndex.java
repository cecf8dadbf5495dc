package dev.madang.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;

/**
 * The posts index: its definition (a JSON resource beside this class), creation behind an alias, bulk indexing with
 * external versions, and the search query. The alias ({@code <prefix>-posts}) is what readers and writers use; the
 * concrete index carries the schema version ({@code <prefix>-posts-v1}) so a rebuild can swap it without downtime.
 */
public final class PostIndex {

	public static final int SCHEMA_VERSION = 4;

	private static final String DEFINITION = "posts.json";

	private static final int SNIPPET_LENGTH = 180;

	private static final List<String> TEXT_FIELDS = List.of("title", "body", "solution^1.2", "answers");

	private static final double TIE_BREAKER = 0.3;

	/** What a hit shows; the texts come back as highlights, so the (long) answers never travel. */
	private static final List<String> HIT_FIELDS = List.of("kind", "title", "tags", "area", "status", "solved", "score",
			"answerCount", "createdAt");


	/**
	 * One edit from 5 characters, two from 8: short words have many look-alikes ("node", "note", "nods"), and
	 * forgiving them cost relevance (bench/relevance); the misspellings worth forgiving are in longer words.
	 */
	private static final String FUZZINESS = "AUTO:5,8";

	private static final Query SOLVED = Query.of((q) -> q.term((term) -> term.field("solved").value(true)));

	private static final Query ARTICLE = Query.of((q) -> q.term((term) -> term.field("kind").value(PostDocument.ARTICLE)));

	private static final Query UNANSWERED = Query.of((q) -> q.term((term) -> term.field("answerCount").value(0)));

	/** A solved question is what a customer searching wants first. */
	private static final double SOLVED_WEIGHT = 1.5;

	/** Official answers for a search: one term of one or two, two of three to six, 30 % of more. */
	private static final String OFFICIAL_SHARE = "1<-1 3<2 6<30%";

	/** One or two terms: all; three to six: two of them; more: 30 %. */
	private static final String SIMILAR_SHARE = "2<2 6<30%";

	private final ElasticsearchAsyncClient client;

	private final String alias;

	public PostIndex(ElasticsearchAsyncClient client, String prefix) {
		this.client = client;
		this.alias = prefix + "-posts";
	}

	public String alias() {
		return this.alias;
	}

	public String concreteName() {
		return this.alias + "-v" + SCHEMA_VERSION;
	}

	/** A fresh concrete name for a rebuild of this schema: {@code <alias>-v<schema>-<millis>}. */
	public String rebuildName(java.time.Instant now) {
		return concreteName() + "-" + now.toEpochMilli();
	}

	/** Whether the concrete index was made for this schema (by the first start or by a rebuild). */
	public boolean isCurrentSchema(String index) {
		return index.equals(concreteName()) || index.startsWith(concreteName() + "-");
	}

	/** The concrete indices the alias points at now (none when it does not exist). */
	public CompletableFuture<java.util.Set<String>> indicesBehindAlias() {
		return this.client.indices().existsAlias((request) -> request.name(this.alias)).thenCompose((exists) -> {
			if (!exists.value()) {
				return CompletableFuture.completedFuture(java.util.Set.<String>of());
			}
			return this.client.indices().getAlias((request) -> request.name(this.alias))
				.thenApply((current) -> java.util.Set.copyOf(current.result().keySet()));
		});
	}

	/** Creates a concrete index from the definition, not behind the alias yet, refreshing only when told to. */
	public CompletableFuture<Void> createUnaliased(String index) {
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
	public CompletableFuture<java.util.Set<String>> moveAliasTo(String index) {
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
	public CompletableFuture<Void> delete(java.util.Collection<String> indices) {
		if (indices.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		return this.client.indices().delete((delete) -> delete.index(List.copyOf(indices))).thenApply((deleted) -> null);
	}

	/** How many documents the alias's index holds (searchable ones, after the last refresh). */
	public CompletableFuture<Long> count() {
		return this.client.count((count) -> count.index(this.alias)).thenApply((response) -> response.count());
	}

	/**
	 * What the alias points at: nothing yet (then this schema's index is created behind it, and is new and empty),
	 * this schema's index, or an older schema's, which keeps serving until a rebuild replaces it. Safe to race with
	 * other instances.
	 */
	public CompletableFuture<IndexState> ensureExists() {
		return indicesBehindAlias().thenCompose((current) -> {
			if (current.isEmpty()) {
				return this.client.indices()
					.create((request) -> request.withJson(definition()).index(concreteName())
						.aliases(this.alias, (alias) -> alias.isWriteIndex(true)))
					.thenApply((created) -> IndexState.CREATED)
					.exceptionallyCompose(PostIndex::ignoreAlreadyExists);
			}
			return CompletableFuture.completedFuture(
					current.stream().anyMatch(this::isCurrentSchema) ? IndexState.READY : IndexState.OUTDATED);
		});
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

	/** Ranked matches for free text, newest first when it is blank. */
	public CompletableFuture<PostSearchResult> search(String text, int size) {
		return search(SearchQuery.text(text, size));
	}

	/**
	 * Matches for the query with its filters, highlighted, with facet counts. Relevance is BM25 over title, body, the
	 * accepted answer (×1.2) and the other answers (see {@link #matching}), typos forgiven in words of 5 characters or more,
	 * multiplied by 1.5 for solved questions and by 1.2 for questions voted to 5 or more: a solved, well-voted answer
	 * is what a customer searching wants first.
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
				.thenApply((response) -> result(query, response, List.of()));
		}
		MsearchRequest both = MsearchRequest.of((msearch) -> msearch
			.searches((item) -> item.header((header) -> header.index(this.alias)).body(body(searchRequest(query))))
			.searches((item) -> item.header((header) -> header.index(this.alias))
				.body(body(articlesRequest(query.text(), false, articles)))));
		return this.client.msearch(both, PostDocument.Source.class).thenApply((response) -> {
			MultiSearchResponseItem<PostDocument.Source> results = response.responses().get(0);
			MultiSearchResponseItem<PostDocument.Source> official = response.responses().get(1);
			if (results.isFailure()) {
				throw new ElasticsearchException("msearch", results.failure());
			}
			List<PostHit> found = official.isResult()
					? official.result().hits().hits().stream().map(PostIndex::toHit).toList() : List.of();
			return result(query, results.result(), found);
		});
	}

	private static PostSearchResult result(SearchQuery query, ResponseBody<PostDocument.Source> response,
			List<PostHit> articles) {
		long total = response.hits().total().value();
		int next = query.from() + query.size();
		return new PostSearchResult(total, response.hits().hits().stream().map(PostIndex::toHit).toList(),
				facets(response.aggregations()), (next < total) ? String.valueOf(next) : null, articles);
	}

	/** A search request as one search of an {@code _msearch}. */
	private static MultisearchBody body(SearchRequest request) {
		return MultisearchBody.of((body) -> body.query(request.query()).from(request.from()).size(request.size())
			.source(request.source()).trackTotalHits(request.trackTotalHits()).highlight(request.highlight())
			.aggregations(request.aggregations()).sort(request.sort()));
	}

	/** The request {@link #search(SearchQuery)} sends (the benchmark sends the same one straight to Elasticsearch). */
	public SearchRequest searchRequest(SearchQuery query) {
		return SearchRequest.of((search) -> {
			search.index(this.alias).from(query.from()).size(query.size())
				.source((source) -> source.filter((filter) -> filter.includes(HIT_FIELDS)))
				.trackTotalHits((track) -> track.enabled(true))
				.query(ranked(query))
				.highlight(highlight())
				.aggregations("tags", (agg) -> agg.terms((terms) -> terms.field("tags").size(10)))
				.aggregations("areas", (agg) -> agg.terms((terms) -> terms.field("area").size(20)))
				.aggregations("solved", (agg) -> agg.filter(SOLVED))
				.aggregations("unanswered", (agg) -> agg.filter(UNANSWERED));
			switch (query.effectiveSort()) {
				case "newest" -> search.sort((sort) -> sort.field((field) -> field.field("createdAt").order(SortOrder.Desc)));
				case "votes" -> search.sort((sort) -> sort.field((field) -> field.field("score").order(SortOrder.Desc)))
					.sort((sort) -> sort.field((field) -> field.field("createdAt").order(SortOrder.Desc)));
				default -> {
				}
			}
			return search;
		});
	}

	/**
	 * Up to {@code size} questions like the given text (a title being typed, or another question's title and body),
	 * solved ones ranked up, leaving out {@code excludeId}. Two terms must match (all of a one- or two-term text, 30 %
	 * of a text over six terms), so a title does not drag in everything that shares one word with it; requiring 60 %
	 * halved the recall measured with {@code bench/relevance} (paraphrases and duplicates share fewer words).
	 */
	public CompletableFuture<List<PostHit>> similar(String text, String excludeId, int size) {
		if (text == null || text.isBlank()) {
			return CompletableFuture.completedFuture(List.of());
		}
		Query alike = Query.of((q) -> q.bool((bool) -> {
			bool.must(matching(text, SIMILAR_SHARE)).mustNot(ARTICLE);
			if (excludeId != null) {
				bool.mustNot((not) -> not.ids((ids) -> ids.values(excludeId)));
			}
			return bool;
		}));
		Query boosted = Query.of((q) -> q.functionScore((score) -> score.query(alike)
			.functions((function) -> function.filter(SOLVED).weight(SOLVED_WEIGHT))
			.boostMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode.Multiply)));
		return hits(hitsRequest(boosted, size));
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
		// An article sharing one word with a longer search must not stand above the questions as its official answer.
		// A question being typed needs the terms similar questions need; a search forgives typos, and with two terms
		// needs only one of them: Korean queries often reach the match as two terms of which the article shares one
		// (Nori's decompounding, e.g. "알림이 안 와요" → 알리, 와요 against 알림·알리, 오 in the article).
		Query matched = Query.of((q) -> q.multiMatch((match) -> {
			match.query(text).fields(TEXT_FIELDS).tieBreaker(TIE_BREAKER);
			return alike ? match.minimumShouldMatch(SIMILAR_SHARE)
					: match.minimumShouldMatch(OFFICIAL_SHARE).fuzziness(FUZZINESS).prefixLength(1);
		}));
		return hitsRequest(Query.of((q) -> q.bool((bool) -> bool.must(matched).filter(ARTICLE))), size);
	}

	/** The best {@code size} hits of a query, highlighted, without counts or facets. */
	private SearchRequest hitsRequest(Query query, int size) {
		return SearchRequest.of((search) -> search.index(this.alias).size(size).query(query)
			.source((source) -> source.filter((filter) -> filter.includes(HIT_FIELDS)))
			.highlight(highlight()));
	}

	private CompletableFuture<List<PostHit>> hits(SearchRequest request) {
		return this.client.search(request, PostDocument.Source.class)
			.thenApply((response) -> response.hits().hits().stream().map(PostIndex::toHit).toList());
	}

	private static Query ranked(SearchQuery query) {
		List<Query> filters = new ArrayList<>();
		if (query.tag() != null && !query.tag().isBlank()) {
			filters.add(Query.of((q) -> q.term((term) -> term.field("tags").value(query.tag().strip().toLowerCase(java.util.Locale.ROOT)))));
		}
		if (query.area() != null && !query.area().isBlank()) {
			filters.add(Query.of((q) -> q.term((term) -> term.field("area").value(query.area().strip()))));
		}
		if (query.status() != null && !query.status().isBlank()) {
			filters.add(switch (query.status()) {
				case "solved" -> SOLVED;
				case "unanswered" -> UNANSWERED;
				default -> Query.of((q) -> q.bool((bool) -> bool.mustNot(SOLVED)));
			});
		}
		Query matching = query(query.text());
		Query filtered = Query.of((q) -> q.bool((bool) -> bool.must(matching).filter(filters).mustNot(ARTICLE)));
		if (!query.hasText()) {
			return filtered;
		}
		return Query.of((q) -> q.functionScore((score) -> score.query(filtered)
			.functions((function) -> function.filter(SOLVED).weight(SOLVED_WEIGHT))
			.functions((function) -> function.filter((f) -> f.range((range) -> range.number((n) -> n.field("score").gte(5.0))))
				.weight(1.2))
			.scoreMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode.Multiply)
			.boostMode(co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode.Multiply)));
	}

	private static SearchFacets facets(Map<String, co.elastic.clients.elasticsearch._types.aggregations.Aggregate> aggregations) {
		if (aggregations == null || aggregations.isEmpty()) {
			return SearchFacets.NONE;
		}
		return new SearchFacets(counts(aggregations.get("tags")), counts(aggregations.get("areas")),
				aggregations.get("solved").filter().docCount(), aggregations.get("unanswered").filter().docCount());
	}

	private static List<SearchFacets.Count> counts(co.elastic.clients.elasticsearch._types.aggregations.Aggregate terms) {
		return terms.sterms().buckets().array().stream()
			.map((bucket) -> new SearchFacets.Count(bucket.key().stringValue(), bucket.docCount()))
			.toList();
	}

	private static Query query(String text) {
		if (text == null || text.isBlank()) {
			return Query.of((query) -> query.matchAll((all) -> all));
		}
		// Typos are forgiven in the same clause: each term also matches its look-alikes, scored a little below an exact
		// match, so a misspelt rare word still lifts its question above those sharing only the common words (a separate
		// typo clause counted the common words twice and lost it). The first character must match, which keeps the
		// expansions few; Korean morphemes are mostly two syllables, so they stay exact.
		return Query.of((query) -> query.multiMatch((match) -> match.query(text).fields(TEXT_FIELDS)
			.tieBreaker(TIE_BREAKER).fuzziness(FUZZINESS).prefixLength(1)));
	}

	/**
	 * The text fields matched as one: the best field's score plus 0.3 of the others' (a question matching in its title
	 * and its answers beats one matching in a single field), the accepted answer weighted ×1.2. Measured with
	 * {@code bench/relevance}: weighting the title ×3 cost a fifth of the MRR on related Stack Exchange questions.
	 */
	private static Query matching(String text, String minimumShouldMatch) {
		return Query.of((query) -> query.multiMatch((match) -> {
			match.query(text).fields(TEXT_FIELDS).tieBreaker(TIE_BREAKER);
			return (minimumShouldMatch != null) ? match.minimumShouldMatch(minimumShouldMatch) : match;
		}));
	}

	private static Highlight highlight() {
		return Highlight.of((highlight) -> highlight.encoder(HighlighterEncoder.Html)
			.fields("title", (field) -> field.numberOfFragments(0).noMatchSize(SNIPPET_LENGTH))
			.fields("body", (field) -> field.numberOfFragments(1).fragmentSize(SNIPPET_LENGTH).noMatchSize(SNIPPET_LENGTH)));
	}

	private static PostHit toHit(Hit<PostDocument.Source> hit) {
		PostDocument.Source source = hit.source();
		Map<String, List<String>> highlights = hit.highlight();
		return new PostHit(hit.id(), source.kind(), source.title(), first(highlights.get("title")),
				first(highlights.get("body")), source.tags(), source.area(), source.status(), source.solved(),
				source.score(), source.answerCount(), source.createdAt(), (hit.score() != null) ? hit.score() : 0.0);
	}

	private static String first(List<String> fragments) {
		return (fragments == null || fragments.isEmpty()) ? "" : fragments.get(0);
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
