package dev.madang.moderation;

import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** What readers see on a question page once a moderator acted, in English and Korean. */
class ModerationPagesTest extends ApiIntegrationTest {

	@Test
	void aDuplicatesPageLinksTheOriginalByItsTitleAndALockIsExplained() {
		String original = ask(asMember(), "Frothing wand sputters original");
		String duplicate = ask(asMember(), "Frothing wand sputters again");
		WebTestClient mod = as(user(Role.MODERATOR));
		mod.post().uri("/api/v1/moderation/threads/{id}/close", duplicate).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "duplicate", "duplicateOf", original)).exchange().expectStatus().isOk();
		mod.post().uri("/api/v1/moderation/threads/{id}/lock", duplicate).exchange().expectStatus().isOk();

		String english = page("/t/" + duplicate + "/frothing-wand-sputters-again?lang=en", this.http);
		assertThat(english).contains("id=\"closed-notice\"", "href=\"/t/" + original + "\"", "Frothing wand sputters original",
				"A moderator locked this thread");
		assertThat(english).doesNotContain("id=\"answer-body\"");
		assertThat(page("/t/" + duplicate + "/frothing-wand-sputters-again?lang=ko", this.http))
			.contains("이 질문에는 이미 답이 있습니다", "모더레이터가 이 글을 잠갔습니다");
	}

	@Test
	void aHiddenQuestionTellsItsAuthorWhyAndIsGoneForOthers() {
		TestUser author = userWithReputation(1);
		String threadId = ask(as(author), "Hidden by a moderator flag");
		as(user(Role.MODERATOR)).post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", threadId, "reason", "spam")).exchange()
			.expectStatus().isCreated();
		assertThat(page("/t/" + threadId + "/hidden-by-a-moderator-flag?lang=en", as(author)))
			.contains("id=\"hold-notice\"", "members flagged this post (spam)");
		this.http.get().uri("/t/{id}/hidden-by-a-moderator-flag", threadId).exchange().expectStatus().isNotFound();
	}

	@Test
	void aMemberSeesWhatBecameOfTheirFlags() {
		TestUser flagger = userWithReputation(1);
		String threadId = ask(asMember(), "Flag outcome shown to the flagger");
		as(flagger).post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", threadId, "reason", "off-topic")).exchange()
			.expectStatus().isCreated();
		assertThat(page("/flags?lang=en", as(flagger))).contains("id=\"my-flags\"", "Waiting for a moderator",
				"href=\"/t/" + threadId + "\"");
		assertThat(page("/flags?lang=ko", as(flagger))).contains("모더레이터 확인 대기");
	}

	@Test
	void moderatorsSeeTheQueueCountAndTheirToolsAndMembersDoNot() {
		String threadId = ask(asMember(), "Tools for moderators only");
		String path = "/t/" + threadId + "/tools-for-moderators-only?lang=en";
		assertThat(page(path, as(user(Role.MODERATOR)))).contains("id=\"mod-tools\"", "id=\"nav-review\"");
		assertThat(page(path, asMember())).doesNotContain("id=\"mod-tools\"", "id=\"nav-review\"")
			.contains("id=\"flag-" + threadId + "\"");
	}

	@Test
	void aPinnedQuestionHeadsItsAreasList() {
		String area = "pins-" + java.util.UUID.randomUUID().toString().substring(0, 6);
		as(user(Role.STAFF)).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", area, "name", "Pins")).exchange().expectStatus().isCreated();
		String pinned = askIn(area, "Read this first about pins");
		askIn(area, "A later question about pins");
		as(user(Role.MODERATOR)).post().uri("/api/v1/moderation/threads/{id}/pin", pinned).exchange().expectStatus().isOk();
		String list = page("/questions?area=" + area, this.http);
		assertThat(list).contains("id=\"pinned\"");
		assertThat(list.indexOf("Read this first about pins")).isLessThan(list.indexOf("A later question about pins"));
		assertThat(list.split("Read this first about pins", -1)).hasSize(2);
	}

	private String askIn(String area, String title) {
		return asMember().post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", title, "body", "Details of " + title, "area", area)).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	private static String page(String path, WebTestClient client) {
		return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

}
