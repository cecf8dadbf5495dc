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
 * {@code analysis} (the product's analyzers, the same unweighted query); {@code search} (the product's search query:
 * field weights, typo tolerance, solved/score boosts); {@code similar} (the product's similar-questions lookup).
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
			for (Judgements set : sets) {
				if (set.queries().isEmpty()) {
					continue;
				}
				rows.addAll(evaluate(client, "rel" + (n++), set));
				System.out.println(String.join("\n", rows.subList(rows.size() - 4, rows.size())));
			}
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

	private static List<String> evaluate(ElasticsearchAsyncClient client, String prefix, Judgements set)
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

		List<String> rows = new ArrayList<>();
		rows.add(run(set, (query) -> multiMatch(client, baseline, query)).row(set.name(), "bm25"));
		rows.add(run(set, (query) -> multiMatch(client, product.alias(), query)).row(set.name(), "analysis"));
		rows.add(run(set, (query) -> product.search(SearchQuery.text(query.text(), 11))
			.thenApply((result) -> ids(result.hits()))).row(set.name(), "search"));
		rows.add(run(set, (query) -> product.similar(query.text(), query.excludeId(), 10).thenApply(RelevanceHarness::ids))
			.row(set.name(), "similar"));
		client.indices().delete((delete) -> delete.index(baseline, product.concreteName())).get();
		return rows;
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

	private static CompletableFuture<List<String>> multiMatch(ElasticsearchAsyncClient client, String index,
			Judgements.Judged query) {
		return client.search((search) -> search.index(index).size(11).source((source) -> source.fetch(false))
			.query((q) -> q.multiMatch((match) -> match.query(query.text()).fields(List.of(FIELDS)))), Object.class)
			.thenApply((response) -> response.hits().hits().stream().map((hit) -> hit.id()).toList());
	}

	private static List<String> ids(List<PostHit> hits) {
		return hits.stream().map(PostHit::id).toList();
	}

}
