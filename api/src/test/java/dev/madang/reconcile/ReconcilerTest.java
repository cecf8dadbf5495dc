package dev.madang.reconcile;

import java.time.Duration;
import java.util.List;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.reputation;
import static dev.madang.support.QaSteps.voteOnAnswer;
import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest extends ApiIntegrationTest {

	@Test
	void driftLeftByACrashBetweenStepsIsFoundAndRepaired() {
		TestUser admin = user(Role.ADMIN);
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		TestUser voter = userWithReputation(300);
		String threadId = ask(as(asker), "Reconcile me");
		String answerId = answer(as(helper), threadId, "An answer that gets votes.");
		voteOnAnswer(as(voter), answerId, 1).expectStatus().isOk();
		accept(as(asker), threadId, answerId).expectStatus().isOk();
		as(admin).post().uri("/api/v1/admin/reconcile").exchange().expectStatus().isOk();

		// What a crash between a vote's steps leaves: the score and a reputation total that missed their update.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(answerId))), new Update().inc("score", 5),
				"answers").block(Duration.ofSeconds(5));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(helper.id()))),
				new Update().inc("reputation", -7), "users").block(Duration.ofSeconds(5));
		assertThat(reputation(this.http, helper.id())).isEqualTo(1 + 10 + 15 - 7);

		as(admin).post().uri("/api/v1/admin/reconcile").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.scoresFixed").isEqualTo(1)
			.jsonPath("$.reputationsFixed").isEqualTo(1)
			.jsonPath("$.drift").value((List<String> drift) -> assertThat(drift)
				.contains("answer " + answerId + ": score 6 → 1", "user " + helper.id() + ": reputation 19 → 26"));
		assertThat(reputation(this.http, helper.id())).isEqualTo(26);
		this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody().jsonPath("$[0].score")
			.isEqualTo(1);

		as(admin).post().uri("/api/v1/admin/reconcile").exchange().expectBody()
			.jsonPath("$.scoresFixed").isEqualTo(0).jsonPath("$.reputationsFixed").isEqualTo(0);
	}


	@Test
	void aLedgerEntryLostInACrashIsRestoredByOneCorrection() {
		TestUser admin = user(Role.ADMIN);
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		String threadId = ask(as(asker), "Ledger gap");
		String answerId = answer(as(helper), threadId, "The answer whose acceptance entry goes missing.");
		accept(as(asker), threadId, answerId).expectStatus().isOk();
		this.mongo.remove(Query.query(Criteria.where("userId").is(helper.id()).and("reason").is("answer accepted")),
				"reputation_events").block(Duration.ofSeconds(5));

		as(admin).post().uri("/api/v1/admin/reconcile").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.drift").value((List<String> drift) -> assertThat(drift)
				.contains("ledger " + helper.id() + ": +15 missing from votes and acceptances"));
		assertThat(reputation(this.http, helper.id())).isEqualTo(16);
		as(admin).post().uri("/api/v1/admin/reconcile").exchange().expectBody()
			.jsonPath("$.drift").value((List<String> drift) -> assertThat(drift).isEmpty());
	}

}
