package dev.madang.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Builds the Elasticsearch client used by the application, the tools and the tests from a node's URL. */
public final class SearchClients {

	private SearchClients() {
	}

	public static RestClientTransport transport(String url) {
		RestClient restClient = RestClient.builder(HttpHost.create(url))
			.setRequestConfigCallback((config) -> config.setConnectTimeout(2_000).setSocketTimeout(30_000))
			.build();
		return new RestClientTransport(restClient, new Jackson3JsonpMapper());
	}

	public static ElasticsearchAsyncClient asyncClient(RestClientTransport transport) {
		return new ElasticsearchAsyncClient(transport);
	}

}
