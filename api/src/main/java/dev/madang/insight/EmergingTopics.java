package dev.madang.insight;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.madang.search.index.PostIndex;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Terms and tags rising in the last 7 days of a period against the 28 before, from Elasticsearch's
 * {@code significant_text} (titles and bodies, analysed as the search analyses Korean and English) and
 * {@code significant_terms} (tags) over the questions in the posts index, each with example questions.
 */
@Component
class EmergingTopics {

	static final Duration RECENT = Duration.ofDays(7);

	static final Duration BACKGROUND = Duration.ofDays(28);

	static final int TOPICS = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PostIndex posts;

	/** Topics over five weeks change slowly: each is kept a while, and periods ending within it share it. */
	private final Duration kept;

	private final com.github.benmanes.caffeine.cache.AsyncCache<String, Emerging> recent;

	EmergingTopics(PostIndex posts, InsightProperties settings) {
		this.posts = posts;
		this.kept = settings.emergingKept();
		this.recent = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
			.expireAfterWrite(this.kept.isZero() ? Duration.ofMillis(1) : this.kept)
			.maximumSize(1_000)
			.buildAsync();
	}

	/** A rising term or tag: questions with it lately, and against the background of the 35 days. */
	record Topic(String key, long recent, long background, double score, List<Example> examples) {
	}

	record Example(String id, String title) {
	}

	record Emerging(Instant from, Instant to, List<Topic> terms, List<Topic> tags) {
	}

	/**
	 * The topics of the week before {@code end}, taken to the start of its stretch of {@code emerging-kept} (so a
	 * dashboard read again and again costs one computation per stretch and area).
	 */
	Mono<Emerging> at(Instant end, String area) {
		if (this.kept.isZero()) {
			return compute(end, area);
		}
		Instant rounded = Instant.ofEpochMilli(end.toEpochMilli() - end.toEpochMilli() % this.kept.toMillis());
		return Mono.fromFuture(() -> this.recent.get(rounded + "|" + area,
				(key, executor) -> compute(rounded, area).toFuture()));
	}

	private Mono<Emerging> compute(Instant end, String area) {
		Instant recent = end.minus(RECENT);
		Instant start = recent.minus(BACKGROUND);
		return Mono.fromFuture(() -> this.posts.aggregate((request) -> request.withJson(new StringReader(
				JSON.writeValueAsString(request(start, recent, end, area))))))
			.flatMap((response) -> withExamples(topics(response.aggregations(), "terms"), recent, end, area)
				.map((terms) -> new Emerging(recent, end, terms, topics(response.aggregations(), "tags"))))
			.onErrorResume((failure) -> failure instanceof ElasticsearchException ex
					&& "index_not_found_exception".equals(ex.error().type()),
					(missing) -> Mono.just(new Emerging(recent, end, List.of(), List.of())));
	}

	/** Up to three recent questions with each term (the newest first), found in parallel. */
	private Mono<List<Topic>> withExamples(List<Topic> terms, Instant recent, Instant end, String area) {
		return reactor.core.publisher.Flux.fromIterable(terms)
			.flatMapSequential((topic) -> Mono.fromFuture(() -> this.posts.aggregate((request) -> request.withJson(
					new StringReader(JSON.writeValueAsString(examples(topic.key(), recent, end, area))))))
				.map((response) -> new Topic(topic.key(), topic.recent(), topic.background(), topic.score(),
						response.hits().hits().stream().map((hit) -> new Example(hit.id(),
								String.valueOf(hit.source().get("title")))).toList())), 4)
			.collectList();
	}

	static Map<String, Object> examples(String term, Instant recent, Instant end, String area) {
		List<Object> filters = new ArrayList<>();
		filters.add(InsightQueries.map("term", InsightQueries.map("kind", "question")));
		if (area != null) {
			filters.add(InsightQueries.map("term", InsightQueries.map("area", area)));
		}
		filters.add(range(recent, end));
		return InsightQueries.map("size", 3, "track_total_hits", false, "_source", List.of("title"), "sort",
				List.of(InsightQueries.map("createdAt", "desc")), "query", InsightQueries.map("bool",
						InsightQueries.map("filter", filters, "must", List.of(InsightQueries.map("multi_match",
								InsightQueries.map("query", term, "fields", List.of("title", "body")))))));
	}

	static Map<String, Object> request(Instant start, Instant recent, Instant end, String area) {
		List<Object> scope = new ArrayList<>();
		scope.add(InsightQueries.map("term", InsightQueries.map("kind", "question")));
		if (area != null) {
			scope.add(InsightQueries.map("term", InsightQueries.map("area", area)));
		}
		List<Object> background = new ArrayList<>(scope);
		background.add(range(start, end));
		List<Object> foreground = new ArrayList<>(scope);
		foreground.add(range(recent, end));
		Map<String, Object> backgroundFilter = InsightQueries.map("bool", InsightQueries.map("filter", background));
		Map<String, Object> examples = InsightQueries.map("examples", InsightQueries.map("top_hits",
				InsightQueries.map("size", 3, "_source", List.of("title"), "sort",
						List.of(InsightQueries.map("createdAt", "desc")))));
		// significant_text takes no sub-aggregations: its examples are found by a search per term afterwards.
		Map<String, Object> terms = InsightQueries.map("significant_text", InsightQueries.map("field", "title",
				"source_fields", List.of("title", "body"), "filter_duplicate_text", true, "size", TOPICS,
				"min_doc_count", 3, "background_filter", backgroundFilter));
		Map<String, Object> tags = InsightQueries.map("significant_terms", InsightQueries.map("field", "tags", "size",
				TOPICS, "min_doc_count", 3, "background_filter", backgroundFilter), "aggs", examples);
		// A sample of the best-matching recent questions keeps significant_text cheap on a big index.
		Map<String, Object> sample = InsightQueries.map("sampler", InsightQueries.map("shard_size", 200), "aggs",
				InsightQueries.map("terms", terms));
		return InsightQueries.map("size", 0, "track_total_hits", false, "query",
				InsightQueries.map("bool", InsightQueries.map("filter", foreground)), "aggs",
				InsightQueries.map("sample", sample, "tags", tags));
	}

	private static Map<String, Object> range(Instant from, Instant to) {
		return InsightQueries.map("range", InsightQueries.map("createdAt",
				InsightQueries.map("gte", from.toString(), "lt", to.toString())));
	}

	private static List<Topic> topics(Map<String, Aggregate> aggregations, String name) {
		Aggregate aggregate = "terms".equals(name) ? aggregations.get("sample").sampler().aggregations().get("terms")
				: aggregations.get("tags");
		List<Topic> topics = new ArrayList<>();
		for (SignificantStringTermsBucket bucket : aggregate.sigsterms().buckets().array()) {
			List<Example> examples = new ArrayList<>();
			Aggregate found = bucket.aggregations().get("examples");
			for (Hit<JsonData> hit : (found != null) ? found.topHits().hits().hits() : List.<Hit<JsonData>>of()) {
				Map<?, ?> source = (hit.source() == null) ? Map.of() : hit.source().to(Map.class);
				examples.add(new Example(hit.id(), String.valueOf(source.get("title"))));
			}
			topics.add(new Topic(bucket.key(), bucket.docCount(), bucket.bgCount(), bucket.score(), examples));
		}
		return topics;
	}

}
