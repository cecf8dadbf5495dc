package dev.madang.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded storage and the local Elasticsearch node keep their data
 * @param mongodbPort the embedded storage's port, 0 for any free port
 * @param elasticsearchPort the local node's HTTP port, 0 for any free port
 */
@ConfigurationProperties("madang.embedded")
public record EmbeddedProperties(@DefaultValue("data") String dataDir, @DefaultValue("0") int mongodbPort,
		@DefaultValue("0") int elasticsearchPort) {
}
