package dev.madang.thread;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

class MeTooTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Test
	void manyCustomersRacingCountExactlyOnceEachAndCanLeave() {
		TestUser asker = user();
		String threadId = ask(as(asker), "Export to PDF cuts off the last page");
		List<TestUser> customers = crowd(40, 1);

		// Every customer clicks three times at once: each counts once.
		Flux.fromIterable(customers).concatMap((customer) -> Flux.range(0, 3).map((i) -> customer))
			.flatMap((customer) -> meToo(customer, threadId, true), 40)
			.blockLast(Duration.ofMinutes(1));
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody().jsonPath("$.meTooCount")
			.isEqualTo(40);

		Flux.fromIterable(customers.subList(0, 10)).flatMap((customer) -> meToo(customer, threadId, false), 10)
			.blockLast(Duration.ofMinutes(1));
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody().jsonPath("$.meTooCount")
			.isEqualTo(30);

		as(asker).put().uri("/api/v1/threads/{id}/me-too", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("affected", true)).exchange()
			.expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("/problems/own-question");
		assertThat(customers).hasSize(40);
	}

	private reactor.core.publisher.Mono<Integer> meToo(TestUser customer, String threadId, boolean affected) {
		return WebClient.create("http://localhost:" + this.port).put().uri("/api/v1/threads/{id}/me-too", threadId)
			.header("Authorization", customer.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("affected", affected))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

}
