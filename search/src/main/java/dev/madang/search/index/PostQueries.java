package dev.madang.search.index;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

/**
 * The requests the posts index answers, built without a client so they can be read (and tested) as JSON: the ranked
 * search with its filters, highlights and facets; similar questions; official answers.
 */
final class PostQueries {

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

	/** The request {@link PostIndex#search(SearchQuery)} sends. */
	static SearchRequest searchRequest(String alias, SearchQuery query) {
		return SearchRequest.of((search) -> {
			search.index(alias).from(query.from()).size(query.size())
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
	static SearchRequest similarRequest(String alias, String text, String excludeId, int size) {
		Query alike = Query.of((q) -> q.bool((bool) -> {
			bool.must(matching(text, SIMILAR_SHARE)).mustNot(ARTICLE);
			if (excludeId != null) {
				bool.mustNot((not) -> not.ids((ids) -> ids.values(excludeId)));
			}
			return bool;
		}));
		Query boosted = Query.of((q) -> q.functionScore((score) -> score.query(alike)
			.functions((function) -> function.filter(SOLVED).weight(SOLVED_WEIGHT))
			.boostMode(FunctionBoostMode.Multiply)));
		return hitsRequest(alias, boosted, size);
	}

	/** The request {@link PostIndex#articles} sends. */
	static SearchRequest articlesRequest(String alias, String text, boolean alike, int size) {
		// An article sharing one word with a longer search must not stand above the questions as its official answer.
		// A question being typed needs the terms similar questions need; a search forgives typos, and with two terms
		// needs only one of them: Korean queries often reach the match as two terms of which the article shares one
		// (Nori's decompounding, e.g. "알림이 안 와요" → 알리, 와요 against 알림·알리, 오 in the article).
		Query matched = Query.of((q) -> q.multiMatch((match) -> {
			match.query(text).fields(TEXT_FIELDS).tieBreaker(TIE_BREAKER);
			return alike ? match.minimumShouldMatch(SIMILAR_SHARE)
					: match.minimumShouldMatch(OFFICIAL_SHARE).fuzziness(FUZZINESS).prefixLength(1);
		}));
		return hitsRequest(alias, Query.of((q) -> q.bool((bool) -> bool.must(matched).filter(ARTICLE))), size);
	}

	/** The best {@code size} hits of a query, highlighted, without counts or facets. */
	private static SearchRequest hitsRequest(String alias, Query query, int size) {
		return SearchRequest.of((search) -> search.index(alias).size(size).query(query)
			.source((source) -> source.filter((filter) -> filter.includes(HIT_FIELDS)))
			.highlight(highlight()));
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
			.scoreMode(FunctionScoreMode.Multiply)
			.boostMode(FunctionBoostMode.Multiply)));
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

	/** A search request as one search of an {@code _msearch}. */
	static MultisearchBody body(SearchRequest request) {
		return MultisearchBody.of((body) -> body.query(request.query()).from(request.from()).size(request.size())
			.source(request.source()).trackTotalHits(request.trackTotalHits()).highlight(request.highlight())
			.aggregations(request.aggregations()).sort(request.sort()));
	}

	private PostQueries() {
	}

}
