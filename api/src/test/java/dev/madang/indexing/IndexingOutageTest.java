package dev.madang.indexing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.madang.support.ApiIntegrationTest;
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

}
