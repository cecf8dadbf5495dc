package dev.madang.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static dev.madang.support.QaSteps.listedIds;
import static dev.madang.support.QaSteps.reputation;
import static dev.madang.support.QaSteps.searchIds;
import static dev.madang.support.QaSteps.voteOnAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/** Flags, the review queue, thread actions, merges and suspensions through the HTTP API. */
class ModerationApiTest extends ApiIntegrationTest {

	@Test
	void spamFlagsByThreeTrustedMembersHideAPostUntilAModeratorAgrees() {
		TestUser spammer = userWithReputation(1);
		String threadId = ask(as(spammer), "Cheap zorblat watches here");
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds(this.http, "zorblat")).contains(threadId));
		List<TestUser> trusted = crowd(3, 600);
		flag(as(trusted.get(0)), "question", threadId, "spam").expectStatus().isCreated()
			.expectBody().jsonPath("$.weight").isEqualTo(2.0);
		flag(as(trusted.get(1)), "question", threadId, "spam").expectStatus().isCreated();
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk();

		flag(as(trusted.get(2)), "question", threadId, "spam").expectStatus().isCreated();
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNotFound();
		as(spammer).get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.hold.cause").isEqualTo("flags").jsonPath("$.hold.reason").isEqualTo("spam");
		assertThat(listedIds(this.http)).doesNotContain(threadId);
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds(this.http, "zorblat")).doesNotContain(threadId));

		TestUser moderator = user(Role.MODERATOR);
		String itemId = openItem(moderator, "flagged", threadId);
		as(moderator).get().uri("/api/v1/review/{id}", itemId).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.flags.length()").isEqualTo(3)
			.jsonPath("$.author.id").isEqualTo(spammer.id());
		decide(as(moderator), itemId, "agree").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("done");
		as(trusted.get(0)).get().uri("/api/v1/flags/mine").exchange().expectBody()
			.jsonPath("$[0].status").isEqualTo("agreed");
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNotFound();
	}

	@Test
	void aModeratorsDisagreementShowsTheFlaggedPostAgain() {
		TestUser author = userWithReputation(1);
		String threadId = ask(as(author), "Is this spam or not");
		TestUser moderator = user(Role.MODERATOR);
		flag(as(moderator), "question", threadId, "rude").expectStatus().isCreated()
			.expectBody().jsonPath("$.weight").isEqualTo(6.0);
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNotFound();

		String itemId = openItem(moderator, "flagged", threadId);
		decide(as(user(Role.MODERATOR)), itemId, "disagree").expectStatus().isOk();
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.hold").doesNotExist();
	}

	@Test
	void badFlagsAreRefusedWithAProblem() {
		TestUser author = userWithReputation(1);
		TestUser member = userWithReputation(1);
		String threadId = ask(as(author), "Flag me properly");
		flag(as(member), "question", threadId, "off-topic").expectStatus().isCreated()
			.expectBody().jsonPath("$.weight").isEqualTo(1.0);
		problem(flag(as(member), "question", threadId, "spam"), 409, "already-flagged");
		problem(flag(as(author), "question", threadId, "spam"), 403, "own-post-flag");
		problem(flag(as(member), "question", "0123456789abcdef01234567", "spam"), 404, "post-not-found");
		problem(flag(as(member), "question", threadId, "nonsense"), 400, "bad-flag-reason");
		problem(flag(as(member), "poem", threadId, "spam"), 400, "bad-post-type");
		problem(flag(as(userWithReputation(1)), "question", threadId, "other"), 400, "flag-text-missing");
		problem(as(userWithReputation(1)).post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", threadId, "reason", "duplicate", "duplicateOf", threadId))
			.exchange(), 400, "duplicate-of-itself");
		as(user(Role.MODERATOR)).delete().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isNoContent();
		problem(flag(as(userWithReputation(1)), "question", threadId, "spam"), 409, "post-deleted");
		this.http.post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", threadId, "reason", "spam")).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void aClaimKeepsOtherModeratorsOffAnItemAndOneDecisionWins() {
		TestUser author = userWithReputation(1);
		String threadId = ask(as(author), "Claim me once");
		String answerId = answer(as(author), threadId, "An answer someone finds rude.");
		flag(as(userWithReputation(1)), "answer", answerId, "rude").expectStatus().isCreated();
		TestUser first = user(Role.MODERATOR);
		TestUser second = user(Role.MODERATOR);
		String itemId = openItem(first, "flagged", answerId);

		as(first).post().uri("/api/v1/review/{id}/claim", itemId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.claimedBy").isEqualTo(first.id());
		problem(as(second).post().uri("/api/v1/review/{id}/claim", itemId).exchange(), 409, "review-claimed");
		problem(decide(as(second), itemId, "disagree"), 409, "review-claimed");
		problem(decide(as(first), itemId, "approve"), 400, "outcome-not-for-kind");
		decide(as(first), itemId, "delete").expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("delete");
		problem(decide(as(second), itemId, "disagree"), 409, "review-already-decided");
		this.http.get().uri("/api/v1/threads/{id}/answers", threadId).exchange().expectBody()
			.jsonPath("$.length()").isEqualTo(0);
		problem(as(userWithReputation(1)).get().uri("/api/v1/review").exchange(), 403, "forbidden");
	}

	@Test
	void aLockedThreadRefusesAnswersCommentsAndVotesUntilUnlocked() {
		TestUser asker = userWithReputation(1);
		String threadId = ask(as(asker), "Lock this heated thread");
		String answerId = answer(as(userWithReputation(1)), threadId, "An answer before the lock.");
		TestUser moderator = user(Role.MODERATOR);
		as(moderator).post().uri("/api/v1/moderation/threads/{id}/lock", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Too heated")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.lock.reason").isEqualTo("Too heated");

		problem(as(asker).post().uri("/api/v1/threads/{id}/answers", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Another answer")).exchange(), 409, "thread-locked");
		problem(as(asker).post().uri("/api/v1/threads/{id}/comments", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "A comment")).exchange(), 409, "thread-locked");
		problem(voteOnAnswer(as(userWithReputation(200)), answerId, 1), 409, "thread-locked");
		problem(as(moderator).post().uri("/api/v1/moderation/threads/{id}/lock", threadId).exchange(), 409,
				"thread-already-locked");

		as(moderator).post().uri("/api/v1/moderation/threads/{id}/unlock", threadId).exchange().expectStatus().isOk();
		answer(as(asker), threadId, "An answer after the lock.");
	}

	@Test
	void closingAsDuplicateLinksTheTargetAndReopeningUndoesIt() {
		TestUser asker = userWithReputation(1);
		String original = ask(as(asker), "Wobbleflux printer offline original");
		String duplicate = ask(as(userWithReputation(1)), "Wobbleflux printer offline again");
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds(this.http, "wobbleflux")).contains(original, duplicate));
		TestUser moderator = user(Role.MODERATOR);
		WebTestClient mod = as(moderator);

		problem(close(mod, duplicate, "duplicate", duplicate), 400, "duplicate-of-itself");
		problem(close(mod, duplicate, "duplicate", null), 400, "duplicate-target-missing");
		problem(close(mod, duplicate, "because", null), 400, "bad-close-reason");
		close(mod, duplicate, "duplicate", original).expectStatus().isOk().expectBody()
			.jsonPath("$.closure.reason").isEqualTo("duplicate")
			.jsonPath("$.closure.duplicateOf").isEqualTo(original);
		problem(as(asker).post().uri("/api/v1/threads/{id}/answers", duplicate).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "An answer to a closed one")).exchange(), 409, "thread-closed");
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds(this.http, "wobbleflux")).containsExactly(original));

		mod.post().uri("/api/v1/moderation/threads/{id}/reopen", duplicate).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.closure").doesNotExist();
		problem(mod.post().uri("/api/v1/moderation/threads/{id}/reopen", duplicate).exchange(), 409, "thread-not-closed");
		eventually(Duration.ofSeconds(20), () -> assertThat(searchIds(this.http, "wobbleflux")).contains(original, duplicate));
		eventually(Duration.ofSeconds(20), () -> mod.get().uri("/api/v1/moderation/audit?subject={id}", duplicate)
			.exchange().expectBody()
			.jsonPath("$.entries[?(@.action == 'question.closed')].reason").isEqualTo(List.of("duplicate"))
			.jsonPath("$.entries[?(@.action == 'question.reopened')].before").isEqualTo(List.of("duplicate")));
	}

	@Test
	void mergingKeepsEveryAnswerVoteAndReputationPointAndCanBeUndone() {
		TestUser admin = user(Role.ADMIN);
		TestUser helper = userWithReputation(1);
		String target = ask(as(userWithReputation(1)), "Merge target question");
		answer(as(userWithReputation(1)), target, "The target's own answer.");
		String source = ask(as(userWithReputation(1)), "Merge source question");
		String moved = answer(as(helper), source, "An answer that moves with its votes.");
		voteOnAnswer(as(userWithReputation(200)), moved, 1).expectStatus().isOk();
		int helperReputation = reputation(this.http, helper.id());
		WebTestClient mod = as(user(Role.MODERATOR));

		problem(mod.post().uri("/api/v1/moderation/threads/{id}/merge", source).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("target", source)).exchange(), 400, "merge-into-itself");
		String deleted = ask(as(userWithReputation(1)), "A deleted target");
		mod.delete().uri("/api/v1/threads/{id}", deleted).exchange().expectStatus().isNoContent();
		problem(mod.post().uri("/api/v1/moderation/threads/{id}/merge", source).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("target", deleted)).exchange(), 409, "target-deleted");

		mod.post().uri("/api/v1/moderation/threads/{id}/merge", source).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("target", target)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(target).jsonPath("$.answerCount").isEqualTo(2);
		this.http.get().uri("/api/v1/threads/{id}/answers", target).exchange().expectBody()
			.jsonPath("$.length()").isEqualTo(2)
			.jsonPath("$[?(@.id == '" + moved + "')].score").isEqualTo(List.of(1));
		assertThat(reputation(this.http, helper.id())).isEqualTo(helperReputation);
		this.http.get().uri("/t/{id}/merge-source-question", source).exchange().expectStatus().is3xxRedirection()
			.expectHeader().value("Location", (location) -> assertThat(location).startsWith("/t/" + target + "/"));
		as(admin).post().uri("/api/v1/admin/reconcile").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.drift").value((List<String> drift) -> assertThat(drift).isEmpty());

		mod.post().uri("/api/v1/moderation/threads/{id}/unmerge", source).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.mergedInto").doesNotExist().jsonPath("$.answerCount").isEqualTo(1);
		this.http.get().uri("/api/v1/threads/{id}", target).exchange().expectBody().jsonPath("$.answerCount").isEqualTo(1);
		as(admin).post().uri("/api/v1/admin/reconcile").exchange().expectBody()
			.jsonPath("$.drift").value((List<String> drift) -> assertThat(drift).isEmpty());
	}

	@Test
	void aSuspendedMemberReadsButCannotWriteAndAppealsOnce() {
		TestUser member = userWithReputation(1);
		String threadId = ask(as(member), "Before the suspension");
		TestUser moderator = user(Role.MODERATOR);
		problem(restrict(as(moderator), member.id(), "suspended", 5, "Spam"), 400, "bad-restriction-length");
		problem(restrict(as(moderator), user(Role.ADMIN).id(), "suspended", 7, "No"), 409, "admin-not-restricted");
		problem(restrict(as(moderator), user(Role.MODERATOR).id(), "suspended", 7, "No"), 403, "restrict-staff");
		restrict(as(moderator), member.id(), "suspended", 7, "Posting links to a scam shop").expectStatus().isOk()
			.expectBody().jsonPath("$.kind").isEqualTo("suspended");

		as(member).get().uri("/api/v1/threads/{id}", threadId).exchange().expectStatus().isOk();
		problem(as(member).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "While suspended", "body", "Text")).exchange(), 403, "account-suspended")
			.jsonPath("$.reason").isEqualTo("Posting links to a scam shop");
		problem(flag(as(member), "question", ask(as(userWithReputation(1)), "Someone else's"), "spam"), 403,
				"account-suspended");

		as(member).post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "It was a mistake; those were my own shop's manuals.")).exchange()
			.expectStatus().isCreated();
		problem(as(member).post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "Again")).exchange(), 409, "already-appealed");
		String appeal = openItem(moderator, "appeal", member.id());
		decide(as(moderator), appeal, "approve").expectStatus().isOk();
		ask(as(member), "After the appeal");
	}

	@Test
	void aSilencedMemberCannotPostButMayStillVote() {
		TestUser member = userWithReputation(200);
		String other = ask(as(userWithReputation(1)), "Someone's question to vote on");
		restrict(as(user(Role.MODERATOR)), member.id(), "silenced", 1, "Cool down for a day").expectStatus().isOk();
		problem(as(member).post().uri("/api/v1/threads/{id}/answers", other).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "An answer long enough to pass validation.")).exchange(), 403, "account-silenced");
		as(member).put().uri("/api/v1/threads/{id}/vote", other).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("value", 1)).exchange().expectStatus().isOk();
	}

	@Test
	void aSuggestedEditIsSavedAsARevisionOnlyWhenAModeratorApprovesIt() {
		TestUser author = userWithReputation(1);
		String threadId = ask(as(author), "Printer shows eror 42");
		TestUser suggester = userWithReputation(1);
		Map<String, Object> edit = Map.of("title", "Printer shows error 42", "body", "body", "tags", List.of(),
				"summary", "Fix the typo");
		as(suggester).post().uri("/api/v1/threads/{id}/suggested-edits", threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(edit).exchange().expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("pending");
		problem(as(userWithReputation(1)).post().uri("/api/v1/threads/{id}/suggested-edits", threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(edit).exchange(), 409, "edit-pending");
		problem(as(author).post().uri("/api/v1/threads/{id}/suggested-edits", threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(edit).exchange(), 409, "edit-directly");
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.title").isEqualTo("Printer shows eror 42");

		TestUser moderator = user(Role.MODERATOR);
		decide(as(moderator), openItem(moderator, "suggested-edit", threadId), "approve").expectStatus().isOk();
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody()
			.jsonPath("$.title").isEqualTo("Printer shows error 42").jsonPath("$.revision").isEqualTo(2);
		this.http.get().uri("/api/v1/threads/{id}/revisions", threadId).exchange().expectBody()
			.jsonPath("$[0].revision.summary").value((String summary) -> assertThat(summary).startsWith("Suggested by "));
	}

	@Test
	void aMemberWhosePostsTrustedMembersHideAsSpamIsSilencedUntilAModeratorLooks() {
		TestUser spammer = userWithReputation(1);
		List<TestUser> trusted = crowd(3, 600);
		for (int i = 0; i < 3; i++) {
			String threadId = ask(as(spammer), "Spam number " + i);
			trusted.forEach((member) -> flag(as(member), "question", threadId, "spam").expectStatus().isCreated());
		}
		problem(as(spammer).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "One more", "body", "Text")).exchange(), 403, "account-silenced");
		TestUser moderator = user(Role.MODERATOR);
		decide(as(moderator), openItem(moderator, "silenced", spammer.id()), "approve").expectStatus().isOk();
		ask(as(spammer), "Allowed again");
	}

	private WebTestClient.ResponseSpec flag(WebTestClient client, String type, String id, String reason) {
		return client.post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", type, "postId", id, "reason", reason)).exchange();
	}

	private WebTestClient.ResponseSpec decide(WebTestClient client, String itemId, String outcome) {
		return client.post().uri("/api/v1/review/{id}/decision", itemId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("outcome", outcome)).exchange();
	}

	private WebTestClient.ResponseSpec close(WebTestClient client, String id, String reason, String duplicateOf) {
		Map<String, Object> body = (duplicateOf == null) ? Map.of("reason", reason)
				: Map.of("reason", reason, "duplicateOf", duplicateOf);
		return client.post().uri("/api/v1/moderation/threads/{id}/close", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec restrict(WebTestClient client, String userId, String kind, int days,
			String reason) {
		return client.put().uri("/api/v1/moderation/members/{id}/restriction", userId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", kind, "days", days, "reason", reason)).exchange();
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec problem(
			WebTestClient.ResponseSpec response, int status, String slug) {
		return response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/" + slug);
	}

	/** The open review item of this kind about {@code subject}. */
	@SuppressWarnings("unchecked")
	private String openItem(TestUser moderator, String kind, String subject) {
		Map<String, Object> page = as(moderator).get().uri("/api/v1/review?kind={kind}&subject={s}", kind, subject).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.filter((item) -> subject.equals(item.get("subject")))
			.map((item) -> (String) item.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No open " + kind + " item about " + subject + " in " + page));
	}

}
