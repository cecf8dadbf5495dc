package dev.madang.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** The in-app inbox through the HTTP API: who hears of what, merged while unread, never of their own actions. */
class NotificationApiTest extends ApiIntegrationTest {

	@Test
	void anAskerHearsOfAnswersMergedWhileUnreadAndTheHelperOfTheAcceptance() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		String threadId = ask(as(asker), "Kettle light blinks twice");
		String first = answer(as(helper), threadId, "Descale it with citric acid.");
		eventually(Duration.ofSeconds(20), () -> assertThat(counts(asker)).containsExactly(1));
		assertThat(unread(helper)).isZero();

		answer(as(userWithReputation(1)), threadId, "Check the base contacts too.");
		eventually(Duration.ofSeconds(20), () -> assertThat(counts(asker)).containsExactly(2));
		assertThat(unread(asker)).isEqualTo(1);

		as(asker).post().uri("/api/v1/notifications/read-all").exchange().expectStatus().isNoContent();
		assertThat(unread(asker)).isZero();
		answer(as(userWithReputation(1)), threadId, "Or the fuse in the plug.");
		eventually(Duration.ofSeconds(20), () -> assertThat(counts(asker)).containsExactly(1, 2));

		accept(as(asker), threadId, first).expectStatus().isOk();
		eventually(Duration.ofSeconds(20), () -> as(helper).get().uri("/api/v1/notifications").exchange()
			.expectBody().jsonPath("$[?(@.kind == 'accepted')].threadId").isEqualTo(List.of(threadId)));
		// The acceptance's 15 points also earned the helper the privilege of voting up.
		as(helper).get().uri("/api/v1/notifications").exchange().expectBody()
			.jsonPath("$[?(@.kind == 'privilege')].detail.privilege").isEqualTo(List.of("vote-up"));
	}

	@Test
	void anAtMentionTellsTheMemberNamedAndAnUnknownNameIsPlainText() {
		TestUser named = userWithReputation(1);
		String handle = "Mentioned" + named.id().substring(16);
		this.mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(named.id())),
				new org.springframework.data.mongodb.core.query.Update().set("displayName", "Mentioned " + named.id().substring(16)),
				"users").block(Duration.ofSeconds(10));
		TestUser asker = userWithReputation(1);
		String askerHandle = "Asker" + asker.id().substring(16);
		this.mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(asker.id())),
				new org.springframework.data.mongodb.core.query.Update().set("displayName", askerHandle),
				"users").block(Duration.ofSeconds(10));
		String threadId = ask(as(asker), "Router drops Wi-Fi every hour");
		as(userWithReputation(1)).get().uri("/api/v1/members/suggest?q=@{q}", handle.substring(0, 12)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$[?(@.handle == '" + handle + "')].id")
			.isEqualTo(List.of(named.id()));
		String answerId = answer(as(userWithReputation(1)), threadId,
				"@" + handle + " had this, and @NobodyCalledThis" + named.id() + " too: update the firmware, @"
						+ askerHandle + ".");
		eventually(Duration.ofSeconds(20), () -> as(named).get().uri("/api/v1/notifications").exchange().expectBody()
			.jsonPath("$[0].kind").isEqualTo("mention").jsonPath("$[0].postId").isEqualTo(answerId));
		// The same answer is news to the asker twice over: an answer on their question, and a mention of them.
		eventually(Duration.ofSeconds(20), () -> as(asker).get().uri("/api/v1/notifications").exchange().expectBody()
			.jsonPath("$[*].kind").value((kinds) -> assertThat((List<String>) kinds)
				.containsExactlyInAnyOrder("answer", "mention")));
	}

	@Test
	void aMutedThreadTellsNothingAndACommentReachesThePostsAuthor() {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		String threadId = ask(as(asker), "Toaster smells of plastic");
		as(asker).put().uri("/api/v1/threads/{id}/watch", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("level", "muted")).exchange().expectStatus().isOk();
		String answerId = answer(as(helper), threadId, "Burn it in empty for ten minutes.");
		as(asker).post().uri("/api/v1/threads/{id}/comments", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Did that, still smells.", "answerId", answerId)).exchange()
			.expectStatus().isCreated();
		eventually(Duration.ofSeconds(20), () -> as(helper).get().uri("/api/v1/notifications").exchange()
			.expectBody().jsonPath("$[0].kind").isEqualTo("comment"));
		assertThat(unread(asker)).isZero();

		as(asker).put().uri("/api/v1/threads/{id}/watch", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("level", "loud")).exchange().expectStatus().isBadRequest();
		as(asker).put().uri("/api/v1/threads/{id}/watch", "0123456789abcdef01234567")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("level", "watching")).exchange()
			.expectStatus().isNotFound();
		as(helper).post().uri("/api/v1/notifications/{id}/read", "0123456789abcdef01234567").exchange()
			.expectStatus().isNotFound();
	}

	@SuppressWarnings("unchecked")
	private List<Integer> counts(TestUser user) {
		List<Map<String, Object>> list = as(user).get().uri("/api/v1/notifications").exchange().expectStatus().isOk()
			.expectBodyList(Map.class).returnResult().getResponseBody().stream().map((item) -> (Map<String, Object>) item)
			.toList();
		return list.stream().map((item) -> ((Number) item.get("count")).intValue()).toList();
	}

	private long unread(TestUser user) {
		WebTestClient client = as(user);
		return ((Number) client.get().uri("/api/v1/notifications/unread-count").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("unread")).longValue();
	}

}
