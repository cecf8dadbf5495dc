package dev.madang;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Madang's settings under {@code madang.*}; the defaults make the embedded run work. Environment variables map by
 * Spring's relaxed binding, e.g. {@code MADANG_MONGODB_URI} → {@code madang.mongodb.uri}.
 */
@ConfigurationProperties("madang")
public record MadangProperties(@DefaultValue Mongodb mongodb, @DefaultValue Elasticsearch elasticsearch,
		@DefaultValue Search search, @DefaultValue Indexing indexing, @DefaultValue Embedded embedded) {

	/** @param uri an external MongoDB; when empty, the embedded storage starts */
	public record Mongodb(String uri) {
	}

	/** @param url an external Elasticsearch node or cluster; when empty, a local node starts */
	public record Elasticsearch(String url) {
	}

	/** @param indexPrefix the prefix of every index and alias name, so several installations can share a cluster */
	public record Search(@DefaultValue("madang") String indexPrefix) {
	}

	/**
	 * @param batchSize the most documents sent to Elasticsearch in one bulk call
	 * @param pollInterval how often the indexer looks for pending work besides being woken by writes
	 * @param maxBackoff the longest wait between attempts while Elasticsearch fails
	 * @param leaseTime how long one instance holds the indexing lease without renewing it
	 */
	public record Indexing(@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("10s") Duration maxBackoff, @DefaultValue("30s") Duration leaseTime) {
	}

	/**
	 * @param dataDir where the embedded storage and the local Elasticsearch node keep their data
	 * @param mongodbPort the embedded storage's port, 0 for any free port
	 * @param elasticsearchPort the local node's HTTP port, 0 for any free port
	 */
	public record Embedded(@DefaultValue("data") String dataDir, @DefaultValue("0") int mongodbPort,
			@DefaultValue("0") int elasticsearchPort) {
	}

}
