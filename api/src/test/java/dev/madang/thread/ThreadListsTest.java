package dev.madang.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.voteOnQuestion;
import static org.assertj.core.api.Assertions.assertThat;

class ThreadListsTest extends ApiIntegrationTest {

	@Test
	void listsOrderFilterAndPageWithCursorsWithoutGapsOrRepeats() {
		String tag = "list-" + UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		TestUser asker = user();
		TestUser voter = userWithReputation(100);
		List<String> asked = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			asked.add(as(asker).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", "List question " + i, "body", "body " + i, "tags", List.of(tag)))
				.exchange().expectStatus().isCreated()
				.expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
		}
		answer(as(user()), asked.get(1), "An answer makes question 1 answered.");
		voteOnQuestion(as(voter), asked.get(3), 1).expectStatus().isOk();

		List<String> newest = collect("newest", tag, 3);
		assertThat(newest).containsExactlyElementsOf(reversed(asked));
		assertThat(collect("top", tag, 2).get(0)).isEqualTo(asked.get(3));
		assertThat(collect("unanswered", tag, 4)).hasSize(6).doesNotContain(asked.get(1));
		assertThat(collect("active", tag, 10).get(0)).isEqualTo(asked.get(1));
	}

	@Test
	void badSortOrCursorIsABadRequestProblem() {
		this.http.get().uri("/api/v1/threads?sort=loudest").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-sort");
		this.http.get().uri("/api/v1/threads?cursor=not-a-cursor").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo("/problems/bad-cursor");
		this.http.get().uri("/api/v1/threads?size=1000").exchange().expectStatus().isBadRequest();
	}

	@Test
	void questionsPageListsByTagInTheReadersLanguage() {
		String tag = "page-" + UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		as(user()).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "결제 수단을 바꾸고 싶어요", "body", "카드를 바꿨어요", "tags", List.of(tag)))
			.exchange().expectStatus().isCreated();
		String page = this.http.get().uri("/questions?tag={tag}&sort=unanswered", tag).header("Accept-Language", "ko")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains(tag + " 태그의 질문", "결제 수단을 바꾸고 싶어요", "답변 없음");
	}

	/** Follows the cursors to the end, asserting every page but the last is full. */
	private List<String> collect(String sort, String tag, int size) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		do {
			String current = cursor;
			Map<?, ?> page = this.http.get()
				.uri((uri) -> uri.path("/api/v1/threads").queryParam("sort", sort).queryParam("tag", tag)
					.queryParam("size", size).queryParamIfPresent("cursor", java.util.Optional.ofNullable(current))
					.build())
				.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
			cursor = (String) page.get("nextCursor");
			List<?> items = (List<?>) page.get("items");
			if (cursor != null) {
				assertThat(items).hasSize(size);
			}
			items.forEach((item) -> ids.add(((Map<?, ?>) item).get("id").toString()));
		}
		while (cursor != null);
		assertThat(ids).doesNotHaveDuplicates();
		return ids;
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

}
