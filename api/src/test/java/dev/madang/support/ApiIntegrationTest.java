package dev.madang.support;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of tests that use Madang as a client would: the whole application on a random port, talking over real
 * sockets to the shared MongoDB-protocol server and Elasticsearch node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madang.indexing.poll-interval=200ms", "madang.indexing.max-backoff=1s" })
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class ApiIntegrationTest {

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void sharedInfrastructure(DynamicPropertyRegistry registry) {
		registry.add("madang.mongodb.uri", TestInfrastructure::mongoUri);
		registry.add("madang.elasticsearch.url", () -> TestInfrastructure.search().url());
	}

	protected long storedThreads() {
		return this.mongo.count(new Query(), "threads").block(Duration.ofSeconds(10));
	}

	/** Waits until {@code check} passes, for effects that are eventually consistent such as indexing. */
	protected static void eventually(Duration timeout, Runnable check) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
