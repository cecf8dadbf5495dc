package dev.madang.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param indexPrefix the prefix of every index and alias name, so several installations can share a cluster */
@ConfigurationProperties("madang.search")
public record SearchProperties(@DefaultValue("madang") String indexPrefix,
		@DefaultValue("10s") java.time.Duration tallyInterval) {
}
