package dev.madang.vote;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.reputation;
import static org.assertj.core.api.Assertions.assertThat;

class VoteConcurrencyTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Test
	void twoHundredConcurrentVotersCountExactlyOnceEachAndTheDailyCapHolds() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		String threadId = ask(as(asker), "Sync fails with error 502");
		String answerId = answer(as(helper), threadId, "The sync server was down; it is back now.");
		List<TestUser> voters = crowd(200, 200);

		List<Integer> statuses = Flux.fromIterable(voters)
			.flatMap((voter) -> vote(voter, answerId, 1), 200)
			.collectList().block(Duration.ofMinutes(2));

		assertThat(statuses).hasSize(200).containsOnly(200);
		this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody()
			.jsonPath("$[0].score").isEqualTo(200);
		assertThat(reputation(this.http, helper.id())).as("200 upvotes × 10, capped at 200 a day").isEqualTo(1 + 200);
		assertThat(this.mongo.count(Query.query(Criteria.where("postId").is(answerId)), "votes").block()).isEqualTo(200);
	}

	@Test
	void oneUserRacingTheSameVoteCountsOnce() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser voter = userWithReputation(500);
		String threadId = ask(as(asker), "Password reset mail never arrives");
		String answerId = answer(as(helper), threadId, "Check the spam folder, then whitelist our domain.");

		ch.qos.logback.classic.Logger storage = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("de.bwaldvogel.mongo.wire.MongoDatabaseHandler");
		ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
		logged.start();
		storage.addAppender(logged);
		List<Integer> statuses;
		try {
			statuses = Flux.range(0, 30).flatMap((i) -> vote(voter, answerId, 1), 30)
				.collectList().block(Duration.ofMinutes(1));
		}
		finally {
			storage.detachAppender(logged);
		}
		assertThat(statuses).containsOnly(200);
		assertThat(logged.list).as("a racing duplicate vote is expected, not an error of the storage").isEmpty();
		this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody()
			.jsonPath("$[0].score").isEqualTo(1);
		assertThat(reputation(this.http, helper.id())).isEqualTo(11);

		List<Integer> flips = Flux.range(0, 30).flatMap((i) -> vote(voter, answerId, (i % 2 == 0) ? -1 : 1), 30)
			.collectList().block(Duration.ofMinutes(1));
		assertThat(flips).containsOnly(200);
		int score = ((Number) ((Map<?, ?>) this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange()
			.expectBody(List.class).returnResult().getResponseBody().get(0)).get("score")).intValue();
		assertThat(score).isIn(-1, 1);
		assertThat(reputation(this.http, helper.id())).isEqualTo((score == 1) ? 11 : 1 - 2);
		assertThat(reputation(this.http, voter.id())).isEqualTo((score == 1) ? 500 : 499);
	}

	private reactor.core.publisher.Mono<Integer> vote(TestUser voter, String answerId, int value) {
		return WebClient.create("http://localhost:" + this.port).put().uri("/api/v1/answers/{id}/vote", answerId)
			.header("Authorization", voter.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("value", value))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

}
