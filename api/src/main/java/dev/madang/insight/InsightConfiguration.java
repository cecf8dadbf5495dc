package dev.madang.insight;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import dev.madang.search.SearchProperties;
import dev.madang.search.insight.InsightIndex;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsightConfiguration {

	@Bean
	InsightIndex insightIndex(ElasticsearchAsyncClient client, SearchProperties search) {
		return new InsightIndex(client, search.indexPrefix());
	}

}
