package dev.madang.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.madang.search.local.LocalElasticsearch;
import dev.madang.search.local.LocalElasticsearchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts what the embedded default needs and no external service provides: MongoDB-protocol storage when
 * {@code madang.mongodb.uri} is unset, a local Elasticsearch node when {@code madang.elasticsearch.url} is unset.
 * Both keep their data under {@code madang.embedded.data-dir}. The node starts in the background so the app serves
 * at once; until it is healthy, writes queue for indexing and health reports Elasticsearch down.
 */
public final class EmbeddedServices implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

	private EmbeddedMongo mongo;

	private LocalElasticsearch elasticsearch;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		Path dataDir = Path.of(environment.getProperty("madang.embedded.data-dir", "data")).toAbsolutePath();
		Map<String, Object> properties = new LinkedHashMap<>();
		if (!StringUtils.hasText(environment.getProperty("madang.mongodb.uri"))) {
			int port = environment.getProperty("madang.embedded.mongodb-port", Integer.class, 0);
			this.mongo = EmbeddedMongo.onFile(dataDir.resolve("mongo").resolve("madang.mv"), port);
			log.info("Embedded MongoDB-protocol storage at {} (file {})", this.mongo.uri(), dataDir.resolve("mongo"));
			properties.put("madang.mongodb.uri", this.mongo.uri());
		}
		if (!StringUtils.hasText(environment.getProperty("madang.elasticsearch.url"))) {
			int port = environment.getProperty("madang.embedded.elasticsearch-port", Integer.class, 0);
			this.elasticsearch = new LocalElasticsearch(LocalElasticsearchSettings
				.under(dataDir.resolve("elasticsearch"), dataDir.resolve("elasticsearch").resolve("node"))
				.withHttpPort(port));
			log.info("Starting a local Elasticsearch node at {} in the background (about 20 s)", this.elasticsearch.url());
			CompletableFuture.runAsync(this.elasticsearch::start).exceptionally((failure) -> {
				log.error("The local Elasticsearch node did not start; search stays unavailable and writes wait "
						+ "for indexing. {}", failure.getMessage());
				return null;
			});
			properties.put("madang.elasticsearch.url", this.elasticsearch.url());
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("madang-embedded", properties));
		}
	}

	@Override
	public void close() {
		try {
			if (this.elasticsearch != null) {
				this.elasticsearch.stop();
			}
		}
		finally {
			if (this.mongo != null) {
				this.mongo.close();
			}
		}
	}

}
