package dev.madang.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The insights index requests, as JSON trees: one aggregation request answers a whole overview (the period, the
 * period before it, by area and by tag), and one search lists the most-followed unresolved questions. Each measure of
 * waiting is two range aggregations per bucket: the questions that had the event before the period's end, binned by
 * how long it took ({@code <measure>Minutes}), and those still waiting then, binned by their age
 * ({@code askedAt} counted back from the end), which is what {@link Survival} needs.
 */
final class InsightQueries {

	/** The waits measured: first response (anyone but the asker), by community members, by staff; resolution. */
	static final List<String> MEASURES = List.of("response", "communityResponse", "staffResponse", "solved");

	static final int TAGS = 15;

	private InsightQueries() {
	}

	static Map<String, Object> overview(Period period, String area) {
		Period previous = period.previous();
		Map<String, Object> current = filter(askedWithin(period));
		current.put("aggs", with(figures(period.to()), "areas", terms("area", 200, figures(period.to())), "tags",
				terms("tags", TAGS, pain(period.to()))));
		Map<String, Object> before = filter(askedWithin(previous));
		before.put("aggs", with(pain(previous.to()), "areas", terms("area", 200, pain(previous.to())), "tags",
				terms("tags", 500, pain(previous.to()))));
		return map("size", 0, "track_total_hits", false, "query", counted(area, new Period(previous.from(), period.to())),
				"aggs", map("current", current, "previous", before));
	}

	/** The unresolved questions asked in the period with the most members having the problem too. */
	static Map<String, Object> mostFollowedUnresolved(Period period, String area, int size) {
		Map<String, Object> query = counted(area, period);
		@SuppressWarnings("unchecked")
		Map<String, Object> bool = (Map<String, Object>) query.get("bool");
		bool.put("must_not", List.of(before("solvedAt", period.to())));
		return map("size", size, "track_total_hits", false, "query", query, "_source",
				List.of("title", "language", "area", "meToo", "votes", "views", "answers", "askedAt"), "sort",
				List.of(map("meToo", "desc"), map("votes", "desc"), map("views", "desc"), map("askedAt", "asc")));
	}

	/**
	 * What readers did in the period: knowledge-base ratings (overall, by area, by article, the latest comments),
	 * deflections by where they happened, and searches (with those that found nothing, by query). Searches have no
	 * area, so a period filtered by area has none.
	 */
	static Map<String, Object> selfService(Period period, String area, int top) {
		List<Object> filters = new ArrayList<>();
		filters.add(map("terms", map("kind", List.of("rating", "deflection", "search", "ces", "nps"))));
		filters.add(map("range", map("at", map("gte", period.from().toString(), "lt", period.to().toString()))));
		if (area != null) {
			filters.add(map("term", map("area", area)));
		}
		Map<String, Object> helpful = map("helpful", filter(map("term", map("helpful", true))));
		Map<String, Object> ratings = filter(kind("rating"));
		Map<String, Object> byArticle = map("terms", map("field", "articleId", "size", top), "aggs",
				with(helpful, "title", map("top_hits", map("size", 1, "_source", List.of("title", "area")))));
		ratings.put("aggs", with(helpful, "areas", terms("area", 200, helpful), "articles", byArticle));
		Map<String, Object> comments = filter(map("bool", map("filter", List.of(kind("rating"),
				map("term", map("commented", true))))));
		comments.put("aggs", map("latest", map("top_hits", map("size", top, "sort", List.of(map("at", "desc")),
				"_source", List.of("comment", "title", "helpful", "at", "articleId")))));
		Map<String, Object> deflections = filter(kind("deflection"));
		deflections.put("aggs", map("where", map("terms", map("field", "where", "size", 10))));
		Map<String, Object> zero = filter(map("term", map("zero", true)));
		zero.put("aggs", map("searches", sum("searches"), "queries", map("terms", map("field", "query", "size", top,
				"order", map("searches", "desc")), "aggs", map("searches", sum("searches")))));
		Map<String, Object> searches = filter(kind("search"));
		searches.put("aggs", map("searches", sum("searches"), "clicks", sum("clicks"), "zero", zero));
		Map<String, Object> effort = map("average", map("avg", map("field", "score")), "easy",
				filter(map("range", map("score", map("gte", 5)))));
		Map<String, Object> ces = filter(kind("ces"));
		ces.put("aggs", with(effort, "areas", terms("area", 200, effort)));
		Map<String, Object> loyalty = map("promoters", filter(map("range", map("score", map("gte", 9)))), "detractors",
				filter(map("range", map("score", map("lte", 6)))));
		Map<String, Object> nps = filter(kind("nps"));
		nps.put("aggs", with(loyalty, "areas", terms("area", 200, loyalty)));
		return map("size", 0, "track_total_hits", false, "query", map("bool", map("filter", filters)), "aggs",
				map("ratings", ratings, "comments", comments, "deflections", deflections, "searches", searches, "ces",
						ces, "nps", nps));
	}

	private static Map<String, Object> kind(String kind) {
		return map("term", map("kind", kind));
	}

	private static Map<String, Object> counted(String area, Period period) {
		List<Object> filters = new ArrayList<>();
		filters.add(map("term", map("counted", true)));
		if (area != null) {
			filters.add(map("term", map("area", area)));
		}
		filters.add(askedWithin(period));
		return map("bool", map("filter", filters));
	}

	private static Map<String, Object> askedWithin(Period period) {
		return map("range", map("askedAt", map("gte", period.from().toString(), "lt", period.to().toString())));
	}

	private static Map<String, Object> before(String field, Instant end) {
		return map("range", map(field, map("lt", end.toString())));
	}

	/** What a pain-point row needs, as at {@code end}. */
	private static Map<String, Object> pain(Instant end) {
		Map<String, Object> unresolved = map("bool", map("must_not", List.of(before("solvedAt", end))));
		Map<String, Object> stillOpen = filter(unresolved);
		stillOpen.put("aggs", map("meToo", sum("meToo")));
		return map("meToo", sum("meToo"), "votes", sum("votes"), "views", sum("views"), "unresolved", stillOpen);
	}

	/** A pain-point row and the support figures, as at {@code end}. */
	private static Map<String, Object> figures(Instant end) {
		Map<String, Object> aggs = pain(end);
		for (String measure : MEASURES) {
			Map<String, Object> had = filter(before(measure + "At", end));
			had.put("aggs", map("bins", map("range", map("field", measure + "Minutes", "ranges", minuteBins()))));
			Map<String, Object> waiting = filter(map("bool", map("must_not", List.of(before(measure + "At", end)))));
			waiting.put("aggs", map("bins", map("range", map("field", "askedAt", "ranges", ageBins(end))), "oldest",
					map("min", map("field", "askedAt"))));
			aggs.put(measure + "Had", had);
			aggs.put(measure + "Waiting", waiting);
		}
		return aggs;
	}

	private static List<Object> minuteBins() {
		List<Object> bins = new ArrayList<>();
		long[] edges = Survival.EDGES;
		for (int bin = 0; bin < edges.length; bin++) {
			bins.add((bin + 1 < edges.length) ? map("key", key(bin), "from", edges[bin], "to", edges[bin + 1])
					: map("key", key(bin), "from", edges[bin]));
		}
		return bins;
	}

	/**
	 * Bins of age at {@code end}: age in [e, next) is askedAt in [end − next + 1 ms, end − e + 1 ms), so a question
	 * exactly e minutes old falls in the bin starting at e, as a wait of exactly e minutes does.
	 */
	private static List<Object> ageBins(Instant end) {
		List<Object> bins = new ArrayList<>();
		long[] edges = Survival.EDGES;
		long endMillis = end.toEpochMilli();
		for (int bin = 0; bin < edges.length; bin++) {
			long youngest = endMillis - edges[bin] * 60_000 + 1;
			bins.add((bin + 1 < edges.length)
					? map("key", key(bin), "from", endMillis - edges[bin + 1] * 60_000 + 1, "to", youngest)
					: map("key", key(bin), "to", youngest));
		}
		return bins;
	}

	/** Bins carry their index as key: Elasticsearch returns ranges ordered by their start, which for ages is reversed. */
	static String key(int bin) {
		return Integer.toString(bin);
	}

	private static Map<String, Object> terms(String field, int size, Map<String, Object> aggs) {
		return map("terms", map("field", field, "size", size), "aggs", aggs);
	}

	private static Map<String, Object> sum(String field) {
		return map("sum", map("field", field));
	}

	private static Map<String, Object> filter(Map<String, Object> query) {
		return map("filter", query);
	}

	private static Map<String, Object> with(Map<String, Object> aggs, Object... more) {
		Map<String, Object> all = new LinkedHashMap<>(aggs);
		all.putAll(map(more));
		return all;
	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
