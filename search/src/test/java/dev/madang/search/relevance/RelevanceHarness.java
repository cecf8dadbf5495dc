package dev.madang.search.relevance;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.madang.search.index.PostDocument;
import dev.madang.search.index.PostHit;
import dev.madang.search.index.PostIndex;
import dev.madang.search.index.SearchQuery;
import dev.madang.search.local.LocalElasticsearch;
import dev.madang.search.local.LocalElasticsearchSettings;

/**
 * The relevance harness ({@code bash bench/relevance/run.sh}): indexes each judged data set twice on a local node —
 * once as plain BM25 with the standard analyzer, once with the product's index definition — runs every query against
 * each configuration and prints recall@1/5/10 and MRR side by side as a Markdown table.
 * <p>
 * Configurations: {@code bm25} (standard analyzer, one multi_match over title, body and answers, no weights);
 * {@code analysis} (the product's analyzers, the same plain query); {@code product search} (PostIndex.search: field
 * weights, tie breaker, typo tolerance, solved/score boosts); {@code product similar} (PostIndex.similar, the
 * similar-questions and possible-duplicates lookup). Run {@code -Drelevance.sets=se-} to score a subset.
 */
public final class RelevanceHarness {

	private static final String[] SITES = { "se-ai", "se-quantumcomputing", "se-cardano", "se-bicycles-meta",
			"se-french-meta" };

	private static final String[] FIELDS = { "title", "body", "solution", "answers" };


	private static final String BASELINE = """
			{"settings": {"number_of_shards": 1, "number_of_replicas": 0},
			 "mappings": {"properties": {"title": {"type": "text"}, "body": {"type": "text"},
			   "solution": {"type": "text"}, "answers": {"type": "text"}}}}""";

	private static final int IN_FLIGHT = 8;

	private RelevanceHarness() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of((args.length > 0) ? args[0] : "../shared/data").toAbsolutePath().normalize();
		Path report = (args.length > 1) ? Path.of(args[1]) : null;
		Path nodeDir = Files.createTempDirectory(Path.of("target"), "relevance-node-").toAbsolutePath();
		List<Judgements> sets = new ArrayList<>();
		for (String site : SITES) {
			sets.add(DataSets.stackExchange(data, site, "duplicate"));
			sets.add(DataSets.stackExchange(data, site, "linked"));
		}
		sets.add(DataSets.paraKqc(data));
		List<String> rows = new ArrayList<>();
		try (LocalElasticsearch node = new LocalElasticsearch(LocalElasticsearchSettings
			.under(Path.of("target", "elasticsearch").toAbsolutePath(), nodeDir)).start()) {
			RestClientTransport transport = dev.madang.search.index.SearchClients.transport(node.url());
			ElasticsearchAsyncClient client = dev.madang.search.index.SearchClients.asyncClient(transport);
			int n = 0;
			Map<String, Map<String, Metrics>> pooled = new java.util.LinkedHashMap<>();
			for (Judgements set : sets) {
				if (set.queries().isEmpty() || !set.name().contains(System.getProperty("relevance.sets", ""))) {
					continue;
				}
				Map<String, Metrics> results = evaluate(client, "rel" + (n++), set);
				results.forEach((configuration, metrics) -> {
					rows.add(metrics.row(set.name(), configuration));
					System.out.println(rows.get(rows.size() - 1));
					if (set.name().startsWith("se-")) {
						String kind = "Stack Exchange " + set.name().substring(set.name().indexOf(' ') + 1) + " (all sites)";
						pooled.computeIfAbsent(kind, (k) -> new java.util.LinkedHashMap<>())
							.computeIfAbsent(configuration, (c) -> new Metrics()).add(metrics);
					}
				});
			}
			List<String> summary = new ArrayList<>();
			pooled.forEach((kind, byConfiguration) -> byConfiguration
				.forEach((configuration, metrics) -> summary.add(metrics.row(kind, configuration))));
			rows.addAll(0, summary);
			transport.close();
		}
		String table = "| data set | configuration | queries | recall@1 | recall@5 | recall@10 | MRR@10 |\n"
				+ "|---|---|---:|---:|---:|---:|---:|\n" + String.join("\n", rows) + "\n";
		System.out.println();
		System.out.println(table);
		if (report != null) {
			Files.writeString(report, table, StandardCharsets.UTF_8);
		}
	}

	private static Map<String, Metrics> evaluate(ElasticsearchAsyncClient client, String prefix, Judgements set)
			throws Exception {
		String baseline = prefix + "-bm25";
		client.indices().create((create) -> create.index(baseline).withJson(new StringReader(BASELINE))).get();
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(baseline);
		for (Judgements.Doc doc : set.documents()) {
			bulk.operations((op) -> op.index((index) -> index.id(doc.id()).document(Map.of("title", doc.title(),
					"body", doc.body(), "solution", (doc.solution() != null) ? doc.solution() : "", "answers",
					doc.answers()))));
		}
		client.bulk(bulk.build()).get();
		PostIndex product = new PostIndex(client, prefix);
		product.ensureExists().get();
		List<PostDocument> documents = set.documents().stream().map((doc) -> PostDocument.question(doc.id(), 1,
				doc.title(), doc.body(), doc.solution(), doc.answers(), List.of(), null, "open", doc.solved(),
				doc.score(), 0, Instant.EPOCH)).toList();
		for (int from = 0; from < documents.size(); from += 500) {
			product.index(documents.subList(from, Math.min(documents.size(), from + 500))).get();
		}
		client.indices().refresh((refresh) -> refresh.index(baseline, product.alias())).get();

		Map<String, Metrics> results = new java.util.LinkedHashMap<>();
		results.put("bm25", run(set, (query) -> raw(client, baseline, plain(query.text()))));
		results.put("analysis", run(set, (query) -> raw(client, product.alias(), plain(query.text()))));
		results.put("product search", run(set, (query) -> product.search(SearchQuery.text(query.text(), 11))
			.thenApply((result) -> ids(result.hits()))));
		results.put("product similar", run(set, (query) -> product.similar(query.text(), query.excludeId(), 10)
			.thenApply(RelevanceHarness::ids)));
		client.indices().delete((delete) -> delete.index(baseline, product.concreteName())).get();
		return results;
	}

	private static Metrics run(Judgements set, Function<Judgements.Judged, CompletableFuture<List<String>>> search)
			throws InterruptedException {
		Metrics metrics = new Metrics();
		Semaphore slots = new Semaphore(IN_FLIGHT);
		for (Judgements.Judged query : set.queries()) {
			slots.acquire();
			search.apply(query).whenComplete((ranked, failure) -> {
				if (failure != null) {
					System.err.println("Query failed: " + query.text() + ": " + failure);
				}
				List<String> found = (ranked == null) ? List.of() : new ArrayList<>(ranked);
				found.remove(query.excludeId());
				metrics.record(found, query.relevantId());
				slots.release();
			});
		}
		slots.acquire(IN_FLIGHT);
		return metrics;
	}

	private static Query plain(String text) {
		return Query.of((q) -> q.multiMatch((match) -> match.query(text).fields(List.of(FIELDS))));
	}

	private static CompletableFuture<List<String>> raw(ElasticsearchAsyncClient client, String index, Query query) {
		return client.search((search) -> search.index(index).size(11).source((source) -> source.fetch(false))
			.query(query), Object.class)
			.thenApply((response) -> response.hits().hits().stream().map((hit) -> hit.id()).toList());
	}

	private static List<String> ids(List<PostHit> hits) {
		return hits.stream().map(PostHit::id).toList();
	}

}
