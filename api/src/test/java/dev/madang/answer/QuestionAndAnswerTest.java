package dev.madang.answer;

import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.reputation;
import static dev.madang.support.QaSteps.voteOnAnswer;
import static dev.madang.support.QaSteps.voteOnQuestion;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionAndAnswerTest extends ApiIntegrationTest {

	@Test
	void askAnswerVoteAcceptChangesReputationExactlyAsTheRulesSay() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser voter = userWithReputation(200);

		String threadId = ask(as(asker), "Invoice shows the wrong VAT number");
		String answerId = answer(as(helper), threadId, "Update the VAT number under Billing → Company details.");
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.status").isEqualTo("answered")
			.jsonPath("$.answerCount").isEqualTo(1)
			.jsonPath("$.firstAnswerAt").isNotEmpty();

		voteOnAnswer(as(voter), answerId, 1).expectStatus().isOk().expectBody()
			.jsonPath("$.score").isEqualTo(1).jsonPath("$.myVote").isEqualTo(1);
		voteOnQuestion(as(voter), threadId, 1).expectStatus().isOk().expectBody().jsonPath("$.score").isEqualTo(1);
		assertThat(reputation(this.http, helper.id())).isEqualTo(1 + 10);
		assertThat(reputation(this.http, asker.id())).isEqualTo(1 + 10);

		accept(as(asker), threadId, answerId).expectStatus().isOk();
		assertThat(reputation(this.http, helper.id())).isEqualTo(1 + 10 + 15);
		assertThat(reputation(this.http, asker.id())).isEqualTo(1 + 10 + 2);
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.status").isEqualTo("solved")
			.jsonPath("$.acceptedAnswerId").isEqualTo(answerId)
			.jsonPath("$.solutionMarkedByStaff").isEqualTo(false)
			.jsonPath("$.solvedAt").isNotEmpty();

		accept(as(asker), threadId, answerId).expectStatus().isOk();
		assertThat(reputation(this.http, helper.id())).as("accepting twice pays once").isEqualTo(26);

		voteOnAnswer(as(voter), answerId, -1).expectStatus().isOk().expectBody().jsonPath("$.score").isEqualTo(-1);
		assertThat(reputation(this.http, helper.id())).isEqualTo(1 - 2 + 15);
		assertThat(reputation(this.http, voter.id())).as("downvoting an answer costs 1").isEqualTo(200 - 1);

		voteOnAnswer(as(voter), answerId, 0).expectStatus().isOk().expectBody().jsonPath("$.score").isEqualTo(0);
		assertThat(reputation(this.http, helper.id())).isEqualTo(1 + 15);
		assertThat(reputation(this.http, voter.id())).isEqualTo(200);
	}

	@Test
	void changingTheAcceptedAnswerMovesTheRewardAndStaffCanMarkASolution() {
		TestUser asker = userWithReputation(1);
		TestUser first = userWithReputation(1);
		TestUser second = userWithReputation(1);
		TestUser moderator = userWithReputation(1, Role.MODERATOR);
		String threadId = ask(as(asker), "App crashes on start after update");
		String firstAnswer = answer(as(first), threadId, "Clear the app cache and restart it.");
		String secondAnswer = answer(as(second), threadId, "Reinstall from the store; version 5.2 fixes it.");

		accept(as(asker), threadId, firstAnswer).expectStatus().isOk();
		accept(as(asker), threadId, secondAnswer).expectStatus().isOk();
		assertThat(reputation(this.http, first.id())).isEqualTo(1);
		assertThat(reputation(this.http, second.id())).isEqualTo(16);
		assertThat(reputation(this.http, asker.id())).isEqualTo(3);

		accept(as(moderator), threadId, firstAnswer).expectStatus().isOk();
		this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody()
			.jsonPath("$[0].id").isEqualTo(firstAnswer)
			.jsonPath("$[0].accepted").isEqualTo(true)
			.jsonPath("$[0].markedByStaff").isEqualTo(true)
			.jsonPath("$[1].accepted").isEqualTo(false);
		assertThat(reputation(this.http, first.id())).isEqualTo(16);
		assertThat(reputation(this.http, second.id())).isEqualTo(1);
		assertThat(reputation(this.http, asker.id())).as("no accepting bonus when staff chose").isEqualTo(1);
	}

	@Test
	void permissionsAreCheckedOnTheServer() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser newcomer = userWithReputation(1);
		TestUser regular = userWithReputation(50);
		String threadId = ask(as(asker), "Cannot export reports to CSV");
		String answerId = answer(as(helper), threadId, "Use Reports → Export, then choose CSV.");

		voteOnAnswer(as(helper), answerId, 1).expectStatus().isForbidden().expectBody().jsonPath("$.type")
			.isEqualTo("/problems/own-post");
		voteOnAnswer(as(newcomer), answerId, 1).expectStatus().isForbidden().expectBody().jsonPath("$.type")
			.isEqualTo("/problems/reputation-too-low");
		voteOnAnswer(as(regular), answerId, -1).expectStatus().isForbidden();
		voteOnAnswer(as(regular), answerId, 1).expectStatus().isOk();
		voteOnAnswer(this.http, answerId, 1).expectStatus().isUnauthorized();
		accept(as(helper), threadId, answerId).expectStatus().isForbidden().expectBody().jsonPath("$.type")
			.isEqualTo("/problems/not-the-asker");
		accept(as(asker), threadId, "000000000000000000000000").expectStatus().isNotFound();
		this.http.post().uri("/api/v1/threads/{id}/answers", threadId).contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", helper.bearer()).bodyValue(Map.of("body", "short"))
			.exchange().expectStatus().isBadRequest();
		assertThat(reputation(this.http, helper.id())).isEqualTo(11);
	}

	@Test
	void answersListSolutionFirstThenByScore() {
		TestUser asker = userWithReputation(1);
		TestUser voter = userWithReputation(100);
		String threadId = ask(as(asker), "How do I change my plan?");
		String low = answer(as(userWithReputation(1)), threadId, "Contact support and ask them.");
		String high = answer(as(userWithReputation(1)), threadId, "Settings → Plan → Change plan.");
		String accepted = answer(as(userWithReputation(1)), threadId, "Billing page, Change plan button.");
		voteOnAnswer(as(voter), high, 1).expectStatus().isOk();
		accept(as(asker), threadId, accepted).expectStatus().isOk();
		List<Object> ids = this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange()
			.expectBody(List.class).returnResult().getResponseBody().stream().map((a) -> (Object) ((Map<?, ?>) a).get("id")).toList();
		assertThat(ids).containsExactly((Object) accepted, high, low);
	}

}
