package dev.madang.search.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import dev.madang.search.index.PostIndex;
import dev.madang.search.index.SearchQuery;

/**
 * For the search benchmark ({@code bench/search-perf/run.sh}): reads one query per line and writes, for each, the
 * request the app receives and the request the app sends to Elasticsearch for it, as wrk script lines
 * ({@code METHOD TAB PATH TAB BODY}). Usage: {@code SearchRequestLines <index prefix> <app-lines> <es-lines> < queries}.
 */
public final class SearchRequestLines {

	private static final int SIZE = 20;

	/** As many articles as the app shows above the results. */
	private static final int OFFICIAL_ANSWERS = 3;

	/** Stands for a newline inside a line's body (_msearch bodies are NDJSON); requests.lua turns it back. */
	private static final String NEWLINE = "@@NL@@";

	private SearchRequestLines() {
	}

	public static void main(String[] args) throws Exception {
		PostIndex index = new PostIndex(null, args[0]);
		Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();
		StringBuilder app = new StringBuilder();
		StringBuilder direct = new StringBuilder();
		BufferedReader queries = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String query = queries.readLine(); query != null; query = queries.readLine()) {
			if (query.isBlank()) {
				continue;
			}
			app.append("GET\t/api/v1/search?q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8))
				.append("&size=").append(SIZE).append('\n');
			// The app sends two searches for the first page of a text search: the community's results and the
			// knowledge-base articles shown above them. Elasticsearch gets both in one _msearch.
			String search = JsonpUtils.toJsonString(index.searchRequest(SearchQuery.text(query, SIZE)), mapper);
			String articles = JsonpUtils.toJsonString(index.articlesRequest(query, false, OFFICIAL_ANSWERS), mapper);
			String target = "{\"index\":\"" + index.alias() + "\"}";
			direct.append("POST\t/_msearch?typed_keys=true\t").append(String.join(NEWLINE, target, search, target,
					articles, "")).append('\n');
		}
		java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), app, StandardCharsets.UTF_8);
		java.nio.file.Files.writeString(java.nio.file.Path.of(args[2]), direct, StandardCharsets.UTF_8);
	}

}
