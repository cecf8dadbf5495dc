package dev.madang.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.madang.embedded.EmbeddedMongo;
import dev.madang.support.Deadline;
import dev.madang.support.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start on an empty store, with no data folder beside the clone, as a new user runs it: the bundled demo
 * community loads by itself and looks like a customer community. Its own storage and index prefix, so the demo's
 * threads never meet the other tests'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "madang.seed.enabled=true", "madang.seed.data-dir=", "madang.admin.demo-accounts=true",
				"madang.search.index-prefix=demo-test", "madang.events.poll-interval=200ms", "madang.events.max-backoff=1s",
				"madang.indexing.poll-interval=2s", "madang.rate-limits.searches-per-ip=100000" })
@AutoConfigureWebTestClient(timeout = "30s")
class DemoCommunityTest {

	private static final Duration LOADING = Duration.ofMinutes(4);

	private static EmbeddedMongo storage;

	private static Path dataDir;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private WebTestClient http;

	@DynamicPropertySource
	static void ownStorage(DynamicPropertyRegistry registry) throws Exception {
		storage = EmbeddedMongo.inMemory();
		dataDir = Files.createTempDirectory("madang-demo-test-");
		registry.add("madang.mongodb.uri", storage::uri);
		registry.add("madang.elasticsearch.url", () -> TestInfrastructure.search().url());
		registry.add("madang.embedded.data-dir", dataDir::toString);
	}

	@AfterAll
	static void closeStorage() {
		storage.close();
	}

	@Test
	void anEmptyStoreGetsALivingBilingualCommunity() {
		awaitLoaded();

		assertThat(countThreads(Criteria.where("status").is("SOLVED"))).isGreaterThan(100);
		assertThat(countThreads(Criteria.where("status").is("ANSWERED"))).isGreaterThan(20);
		assertThat(countThreads(Criteria.where("status").is("OPEN"))).isGreaterThan(20);
		assertThat(countThreads(Criteria.where("language").is("ko"))).isEqualTo(300);
		assertThat(this.mongo.count(new Query(), "comments").block()).isGreaterThan(100);
		assertThat(this.mongo.count(Query.query(Criteria.where("reputation").gt(100)), "users").block())
			.isGreaterThan(10);
		List<String> areas = this.mongo.findAll(Document.class, "product_areas").map((area) -> area.getString("_id"))
			.collectList().block();
		assertThat(areas).contains("coffee", "ai", "cardano", "everyday");
		List<String> articleLanguages = this.mongo.find(Query.query(Criteria.where("status").is("PUBLISHED")),
				Document.class, "articles").map((article) -> article.getString("locale")).collectList().block();
		assertThat(articleLanguages).contains("en", "ko");

		assertThat(firstTitleOnHome("en")).doesNotContainPattern("\\p{IsHangul}");
		assertThat(firstTitleOnHome("ko")).containsPattern("\\p{IsHangul}");
	}

	@Test
	void theDemoIsSearchableInEnglishAndKorean() {
		awaitLoaded();
		String korean = this.mongo.findOne(Query.query(Criteria.where("language").is("ko")), Document.class, "threads")
			.block().getString("title");
		eventually(() -> {
			this.http.get().uri("/api/v1/search?q={q}", "espresso grind").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.hits[0].title").exists();
			this.http.get().uri("/api/v1/search?q={q}", korean).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.hits[*].title").value((List<String> titles) -> assertThat(titles).contains(korean));
		});
	}

	/** The last step of the demo publishes three articles from each of its two kinds of source. */
	private void awaitLoaded() {
		eventually(() -> assertThat(this.mongo.count(Query.query(Criteria.where("status").is("PUBLISHED")), "articles")
			.block()).isGreaterThanOrEqualTo(6));
	}

	private long countThreads(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), "threads").block();
	}

	private String firstTitleOnHome(String language) {
		String html = this.http.get().uri("/").accept(MediaType.TEXT_HTML).header("Accept-Language", language).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		java.util.regex.Matcher first = java.util.regex.Pattern.compile("<ol class=\"thread-list\">\\s*<li>\\s*<a [^>]*>([^<]+)</a>")
			.matcher(html);
		assertThat(first.find()).as("a question listed on the home page").isTrue();
		return first.group(1);
	}

	private static void eventually(Runnable check) {
		Deadline.eventually(LOADING, check);
	}

}
