package dev.madang.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.madang.search.index.PostIndex;
import dev.madang.search.index.SearchClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The Elasticsearch client (8.x, built here because Boot 4 only auto-configures the 9.x client) and the indices
 * the application reads and writes.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	RestClientTransport elasticsearchTransport(ElasticsearchProperties elasticsearch) {
		String url = elasticsearch.url();
		if (!StringUtils.hasText(url)) {
			throw new IllegalStateException("madang.elasticsearch.url (MADANG_ELASTICSEARCH_URL) is not set");
		}
		return SearchClients.transport(url);
	}

	@Bean
	ElasticsearchAsyncClient elasticsearchClient(RestClientTransport transport) {
		return SearchClients.asyncClient(transport);
	}

	@Bean
	PostIndex postIndex(ElasticsearchAsyncClient client, SearchProperties search) {
		return new PostIndex(client, search.indexPrefix());
	}

}
