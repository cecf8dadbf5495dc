package dev.madang.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this instance indexes (command-line tools turn it off)
 * @param batchSize the most documents sent to Elasticsearch in one bulk call
 * @param pollInterval how often the indexer sweeps for pending work it was not woken for (writes through another
 * instance); each sweep reads the threads collection, which the embedded storage answers by reading every thread
 * @param retryDelay the first wait after Elasticsearch fails, doubled on each further failure
 * @param maxBackoff the longest wait between attempts while Elasticsearch fails
 * @param leaseTime how long one instance holds the indexing lease without renewing it
 */
@ConfigurationProperties("madang.indexing")
public record IndexingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("1s") Duration retryDelay, @DefaultValue("10s") Duration maxBackoff, @DefaultValue("30s") Duration leaseTime) {
}
