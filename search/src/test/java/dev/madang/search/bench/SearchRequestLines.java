package dev.madang.search.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import co.elastic.clients.elasticsearch.core.SearchRequest;
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
			SearchRequest request = index.searchRequest(SearchQuery.text(query, SIZE));
			String body = JsonpUtils.toJsonString(request, mapper);
			direct.append("POST\t/").append(index.alias()).append("/_search?typed_keys=true\t").append(body).append('\n');
		}
		java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), app, StandardCharsets.UTF_8);
		java.nio.file.Files.writeString(java.nio.file.Path.of(args[2]), direct, StandardCharsets.UTF_8);
	}

}
