package dev.madang.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param url an external Elasticsearch node or cluster; when empty, a local node starts */
@ConfigurationProperties("madang.elasticsearch")
public record ElasticsearchProperties(String url) {
}
