package dev.madang.insight;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.madang.area.ProductArea;
import dev.madang.area.ProductAreas;
import dev.madang.search.insight.InsightIndex;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/** Computes the owners' figures from the insights index: one aggregation request and one search per overview. */
@Service
class InsightFigures {

	static final int FOLLOWED = 10;

	static final int TOP = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InsightIndex index;

	private final ProductAreas areas;

	private final EmergingTopics emerging;

	InsightFigures(InsightIndex index, ProductAreas areas, EmergingTopics emerging) {
		this.index = index;
		this.areas = areas;
		this.emerging = emerging;
	}

	Mono<Overview> overview(Period period, String area, String language) {
		Mono<Map<String, Aggregate>> aggregations = Mono
			.fromFuture(() -> this.index.search((request) -> request.withJson(json(InsightQueries.overview(period, area)))))
			.map((response) -> response.aggregations());
		Mono<List<Overview.FollowedQuestion>> followed = Mono.fromFuture(() -> this.index.search((request) -> request
			.withJson(json(InsightQueries.mostFollowedUnresolved(period, area, FOLLOWED)))))
			.map((response) -> response.hits().hits().stream().map(InsightFigures::followed).toList());
		Mono<Map<String, Aggregate>> readers = Mono.fromFuture(() -> this.index.search((request) -> request
			.withJson(json(InsightQueries.selfService(period, area, TOP)))))
			.map((response) -> response.aggregations());
		return Mono.zip(aggregations, followed, this.areas.bySlug(), readers, this.emerging.at(period.to(), area))
			.map((found) -> {
			Map<String, String> names = new HashMap<>();
			found.getT3().forEach((slug, productArea) -> names.put(slug, productArea.label(language)));
			return overview(period, area, found.getT1(), found.getT2(), names, found.getT4(), found.getT5());
		});
	}

	private static Overview overview(Period period, String area, Map<String, Aggregate> aggregations,
			List<Overview.FollowedQuestion> followed, Map<String, String> names, Map<String, Aggregate> readers,
			EmergingTopics.Emerging emerging) {
		Aggregate current = aggregations.get("current");
		Aggregate previous = aggregations.get("previous");
		Map<String, Long> previousAreas = counts(previous, "areas");
		Map<String, Long> previousTags = counts(previous, "tags");
		Instant end = period.to();
		Overview.Figures total = figures(null, null, current.filter().aggregations(), current.filter().docCount(),
				previous.filter().docCount(), end);
		List<Overview.AreaRow> areas = new ArrayList<>();
		for (StringTermsBucket bucket : buckets(current, "areas")) {
			String slug = bucket.key().stringValue();
			Overview.Figures figures = figures(slug, names.getOrDefault(slug, slug), bucket.aggregations(),
					bucket.docCount(), previousAreas.getOrDefault(slug, 0L), end);
			areas.add(new Overview.AreaRow(slug, names.getOrDefault(slug, slug), figures));
		}
		areas.sort(java.util.Comparator.comparingLong((Overview.AreaRow row) -> row.figures().pain().pain()).reversed()
			.thenComparing(Overview.AreaRow::area));
		List<Overview.PainRow> tags = new ArrayList<>();
		for (StringTermsBucket bucket : buckets(current, "tags")) {
			String tag = bucket.key().stringValue();
			tags.add(pain(tag, tag, bucket.aggregations(), bucket.docCount(), previousTags.getOrDefault(tag, 0L)));
		}
		tags.sort(java.util.Comparator.comparingLong(Overview.PainRow::pain).reversed().thenComparing(Overview.PainRow::key));
		return new Overview(period.from(), period.to(), area, total, areas, tags, followed,
				selfService(readers, total.pain().asked(), names), emerging);
	}

	private static Overview.SelfService selfService(Map<String, Aggregate> aggs, long asked, Map<String, String> names) {
		Aggregate ratings = aggs.get("ratings");
		long rated = ratings.filter().docCount();
		long helpful = helpful(ratings.filter().aggregations());
		List<Overview.ArticleRating> articles = new ArrayList<>();
		for (StringTermsBucket bucket : buckets(ratings, "articles")) {
			long yes = helpful(bucket.aggregations());
			List<Hit<co.elastic.clients.json.JsonData>> top = bucket.aggregations().get("title").topHits().hits().hits();
			String title = top.isEmpty() ? null : text(source(top.get(0)), "title");
			articles.add(new Overview.ArticleRating(bucket.key().stringValue(), title, bucket.docCount(), yes,
					share(yes, bucket.docCount())));
		}
		List<Overview.AreaRating> areas = new ArrayList<>();
		for (StringTermsBucket bucket : buckets(ratings, "areas")) {
			String slug = bucket.key().stringValue();
			long yes = helpful(bucket.aggregations());
			areas.add(new Overview.AreaRating(slug, names.getOrDefault(slug, slug), bucket.docCount(), yes,
					share(yes, bucket.docCount())));
		}
		List<Overview.ReaderComment> comments = new ArrayList<>();
		for (Hit<co.elastic.clients.json.JsonData> hit : aggs.get("comments").filter().aggregations().get("latest")
			.topHits().hits().hits()) {
			Map<?, ?> source = source(hit);
			comments.add(new Overview.ReaderComment(text(source, "articleId"), text(source, "title"),
					Boolean.TRUE.equals(source.get("helpful")), text(source, "comment"), Instant.parse(text(source, "at"))));
		}
		Map<String, Long> where = counts(aggs.get("deflections"), "where");
		Map<String, Aggregate> searches = aggs.get("searches").filter().aggregations();
		long searched = (long) searches.get("searches").sum().value();
		long clicks = (long) searches.get("clicks").sum().value();
		Map<String, Aggregate> zero = searches.get("zero").filter().aggregations();
		List<Overview.QueryCount> queries = new ArrayList<>();
		for (StringTermsBucket bucket : zero.get("queries").sterms().buckets().array()) {
			queries.add(new Overview.QueryCount(bucket.key().stringValue(),
					(long) bucket.aggregations().get("searches").sum().value()));
		}
		long deflected = where.values().stream().mapToLong(Long::longValue).sum();
		Aggregate ces = aggs.get("ces");
		Aggregate nps = aggs.get("nps");
		Map<String, StringTermsBucket> cesByArea = new HashMap<>();
		buckets(ces, "areas").forEach((bucket) -> cesByArea.put(bucket.key().stringValue(), bucket));
		Map<String, StringTermsBucket> npsByArea = new HashMap<>();
		buckets(nps, "areas").forEach((bucket) -> npsByArea.put(bucket.key().stringValue(), bucket));
		java.util.Set<String> surveyed = new java.util.TreeSet<>(cesByArea.keySet());
		surveyed.addAll(npsByArea.keySet());
		List<Overview.AreaSurvey> surveyAreas = new ArrayList<>();
		for (String slug : surveyed) {
			StringTermsBucket effort = cesByArea.get(slug);
			StringTermsBucket loyalty = npsByArea.get(slug);
			surveyAreas.add(new Overview.AreaSurvey(slug, names.getOrDefault(slug, slug), survey(
					(effort == null) ? 0 : effort.docCount(), (effort == null) ? Map.of() : effort.aggregations(),
					(loyalty == null) ? 0 : loyalty.docCount(), (loyalty == null) ? Map.of() : loyalty.aggregations())));
		}
		return new Overview.SelfService(rated, helpful, share(helpful, rated), articles, areas, comments,
				where.getOrDefault("search", 0L), where.getOrDefault("ask", 0L), searched,
				(long) zero.get("searches").sum().value(), clicks, share(clicks, searched), queries,
				share(helpful + deflected, asked), survey(ces.filter().docCount(), ces.filter().aggregations(),
						nps.filter().docCount(), nps.filter().aggregations()), surveyAreas);
	}

	private static Overview.Survey survey(long effortAnswers, Map<String, Aggregate> effort, long loyaltyAnswers,
			Map<String, Aggregate> loyalty) {
		Double average = (effortAnswers == 0) ? null : effort.get("average").avg().value();
		Double easy = (effortAnswers == 0) ? null : share(effort.get("easy").filter().docCount(), effortAnswers);
		Double score = null;
		if (loyaltyAnswers > 0) {
			long promoters = loyalty.get("promoters").filter().docCount();
			long detractors = loyalty.get("detractors").filter().docCount();
			score = 100.0 * (promoters - detractors) / loyaltyAnswers;
		}
		return new Overview.Survey(effortAnswers, average, easy, loyaltyAnswers, score);
	}

	private static long helpful(Map<String, Aggregate> aggs) {
		return aggs.get("helpful").filter().docCount();
	}

	private static Map<?, ?> source(Hit<co.elastic.clients.json.JsonData> hit) {
		return (hit.source() == null) ? Map.of() : hit.source().to(Map.class);
	}

	private static String text(Map<?, ?> source, String field) {
		Object value = source.get(field);
		return (value == null) ? null : value.toString();
	}

	private static Overview.Figures figures(String key, String name, Map<String, Aggregate> aggs, long asked,
			long previousAsked, Instant end) {
		Overview.PainRow pain = pain(key, name, aggs, asked, previousAsked);
		long solved = asked - aggs.get("solvedWaiting").filter().docCount();
		Overview.Waits response = waits(aggs, "response");
		Aggregate unanswered = aggs.get("responseWaiting");
		List<Long> ages = bins(unanswered);
		Double oldest = unanswered.filter().aggregations().get("oldest").min().value();
		Long oldestMinutes = (oldest == null || oldest.isInfinite() || oldest.isNaN()
				|| unanswered.filter().docCount() == 0) ? null
						: (long) Math.floor((end.toEpochMilli() - oldest) / 60_000);
		return new Overview.Figures(pain, solved, share(solved, asked), response, waits(aggs, "communityResponse"),
				waits(aggs, "staffResponse"), waits(aggs, "solved"), unanswered.filter().docCount(),
				oldestMinutes, medianAge(ages));
	}

	private static Long medianAge(List<Long> ages) {
		long total = ages.stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		long seen = 0;
		for (int bin = 0; bin < ages.size(); bin++) {
			seen += ages.get(bin);
			if (seen * 2 >= total) {
				return (bin + 1 < Survival.EDGES.length) ? Survival.EDGES[bin + 1] : Survival.EDGES[bin];
			}
		}
		return null;
	}

	private static Overview.Waits waits(Map<String, Aggregate> aggs, String measure) {
		List<Long> had = bins(aggs.get(measure + "Had"));
		List<Long> waiting = bins(aggs.get(measure + "Waiting"));
		return new Overview.Waits(Survival.percentile(had, waiting, 0.5), Survival.percentile(had, waiting, 0.9),
				aggs.get(measure + "Had").filter().docCount(), aggs.get(measure + "Waiting").filter().docCount());
	}

	private static List<Long> bins(Aggregate filter) {
		Long[] counts = new Long[Survival.EDGES.length];
		for (RangeBucket bucket : filter.filter().aggregations().get("bins").range().buckets().array()) {
			counts[Integer.parseInt(bucket.key())] = bucket.docCount();
		}
		return List.of(counts);
	}

	private static Overview.PainRow pain(String key, String name, Map<String, Aggregate> aggs, long asked,
			long previousAsked) {
		Aggregate unresolved = aggs.get("unresolved");
		long open = unresolved.filter().docCount();
		long openMeToo = (long) unresolved.filter().aggregations().get("meToo").sum().value();
		Double change = (previousAsked == 0) ? null : (double) (asked - previousAsked) / previousAsked;
		return new Overview.PainRow(key, name, asked, previousAsked, change, (long) aggs.get("meToo").sum().value(),
				(long) aggs.get("votes").sum().value(), (long) aggs.get("views").sum().value(), open, share(open, asked),
				open + openMeToo);
	}

	private static Map<String, Long> counts(Aggregate filter, String terms) {
		Map<String, Long> counts = new HashMap<>();
		for (StringTermsBucket bucket : buckets(filter, terms)) {
			counts.put(bucket.key().stringValue(), bucket.docCount());
		}
		return counts;
	}

	private static List<StringTermsBucket> buckets(Aggregate filter, String terms) {
		return filter.filter().aggregations().get(terms).sterms().buckets().array();
	}

	private static Double share(long part, long whole) {
		return (whole == 0) ? null : (double) part / whole;
	}

	@SuppressWarnings("rawtypes")
	private static Overview.FollowedQuestion followed(Hit<Map> hit) {
		Map source = hit.source();
		return new Overview.FollowedQuestion(hit.id(), (String) source.get("title"), (String) source.get("language"),
				(String) source.get("area"), number(source.get("meToo")), number(source.get("votes")),
				number(source.get("views")), number(source.get("answers")), Instant.parse((String) source.get("askedAt")));
	}

	private static int number(Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	private static StringReader json(Map<String, Object> request) {
		return new StringReader(JSON.writeValueAsString(request));
	}

}
