package dev.madang.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.QaSteps;
import dev.madang.support.SearchNode;
import dev.madang.support.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static dev.madang.support.ThreadSamples.question;

class IndexingOutageTest extends ApiIntegrationTest {

	@Test
	void writesDuringAnElasticsearchOutageSucceedAreReportedAsBacklogAndBecomeSearchableAfterwards() {
		SearchNode elasticsearch = TestInfrastructure.search();
		List<String> ids = new ArrayList<>();
		elasticsearch.stop();
		try {
			for (int i = 0; i < 5; i++) {
				ids.add(asMember().post().uri("/api/v1/threads")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(question("Outage platypus " + i, "Written while search was down"))
					.exchange()
					.expectStatus().isCreated()
					.expectBody(java.util.Map.class).returnResult().getResponseBody().get("id").toString());
			}

			this.http.get().uri("/actuator/health").exchange()
				.expectStatus().isEqualTo(503)
				.expectBody()
				.jsonPath("$.components.elasticsearch.status").isEqualTo("DOWN")
				.jsonPath("$.components.mongo.status").isEqualTo("UP")
				.jsonPath("$.components.indexing.details.backlog").value((Integer backlog) -> org.assertj.core.api.Assertions
					.assertThat(backlog).isGreaterThanOrEqualTo(5));

			this.http.get().uri("/api/v1/search?q=platypus").exchange()
				.expectStatus().isEqualTo(503)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader().exists("Retry-After")
				.expectBody().jsonPath("$.type").isEqualTo("/problems/search-unavailable");
		}
		finally {
			elasticsearch.start();
		}

		eventually(Duration.ofSeconds(30), () -> this.http.get().uri("/api/v1/search?q=platypus&size=10").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(5)
			.jsonPath("$.hits[*].id").value((List<String> found) -> org.assertj.core.api.Assertions.assertThat(found)
				.containsExactlyInAnyOrderElementsOf(ids)));
		eventually(Duration.ofSeconds(10), () -> this.http.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.indexing.details.backlog").isEqualTo(0));
	}


	@Test
	void anArticlePublishedDuringAnOutageIsSearchableAfterwards() {
		org.springframework.test.web.reactive.server.WebTestClient staff = as(user(dev.madang.identity.Role.STAFF));
		String article = QaSteps.promote(staff, QaSteps.solvedThread(asMember(), asMember(), "Outage echidna guide"), "en");
		SearchNode elasticsearch = TestInfrastructure.search();
		elasticsearch.stop();
		try {
			QaSteps.publish(staff, article);
			this.http.get().uri("/api/v1/articles/{id}", article).exchange().expectStatus().isOk();
		}
		finally {
			elasticsearch.start();
		}
		eventually(Duration.ofSeconds(30), () -> this.http.get().uri("/api/v1/search?q=echidna guide").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.articles[*].id")
			.value((List<String> found) -> org.assertj.core.api.Assertions.assertThat(found).contains(article)));
	}

	@Test
	void fiveHundredWritesWithTheNodeStoppedMidStreamAreAllSearchable() throws Exception {
		String tag = "stream-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		SearchNode elasticsearch = TestInfrastructure.search();
		org.springframework.test.web.reactive.server.WebTestClient writer = asMember();
		java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			int n = i;
			writes.add(pool.submit(() -> {
				writer.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
					.bodyValue(question("Stream wombat " + n, "Written while the node came and went", tag))
					.exchange().expectStatus().isCreated();
				written.incrementAndGet();
			}));
		}
		try {
			dev.madang.support.Deadline.awaitTrue(Duration.ofMinutes(2), () -> written.get() >= 100,
					"100 of the 500 writes answered");
			elasticsearch.stop();
			for (java.util.concurrent.Future<?> write : writes) {
				write.get(2, java.util.concurrent.TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdown();
			elasticsearch.start();
		}
		org.assertj.core.api.Assertions.assertThat(written.get()).isEqualTo(500);
		eventually(Duration.ofSeconds(60), () -> this.http.get().uri("/api/v1/search?q=wombat&tag={tag}", tag).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(500));
	}

	@Test
	void concurrentEditsEndWithTheNewestVersionIndexed() throws Exception {
		String id = dev.madang.support.QaSteps.ask(asMember(), "Racing edits numbat");
		dev.madang.support.TestUsers.TestUser moderator = user(dev.madang.identity.Role.MODERATOR);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		List<java.util.concurrent.Future<?>> edits = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			int n = i;
			edits.add(pool.submit(() -> {
				// A refused edit (another one was saved first) is tried again, as an editor would after reloading.
				while (as(moderator).put().uri("/api/v1/threads/{id}", id).contentType(MediaType.APPLICATION_JSON)
					.bodyValue(java.util.Map.of("title", "Racing edits numbat version" + n, "body", "Edit " + n))
					.exchange().returnResult(String.class).getStatus().value() == 409) {
					Thread.onSpinWait();
				}
			}));
		}
		for (java.util.concurrent.Future<?> edit : edits) {
			edit.get(2, java.util.concurrent.TimeUnit.MINUTES);
		}
		pool.shutdown();
		java.util.Map<?, ?> stored = this.http.get().uri("/api/v1/threads/{id}", id).exchange()
			.expectBody(java.util.Map.class).returnResult().getResponseBody();
		org.assertj.core.api.Assertions.assertThat(stored.get("revision")).isEqualTo(31);
		eventually(Duration.ofSeconds(30), () -> this.http.get().uri("/api/v1/search?q=numbat").exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.hits[?(@.id == '" + id + "')].title").isEqualTo(stored.get("title")));
	}

}
