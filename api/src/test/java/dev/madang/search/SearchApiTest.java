package dev.madang.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static dev.madang.support.QaSteps.accept;
import static dev.madang.support.QaSteps.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** Search through the API: filters, sorts, facets, pages, and the boost solved questions get. */
class SearchApiTest extends ApiIntegrationTest {

	@Test
	void filtersSortsFacetsAndPagesAndSolvedQuestionsComeFirst() {
		existingTags("printer-s1", "drivers-s1");
		as(user(Role.STAFF)).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "office-s1", "name", "Office", "nameKo", "사무실")).exchange().expectStatus().isCreated();
		TestUser asker = user();
		String unsolved = ask(asker, Map.of("title", "Quillhopper printer jam", "body", "Paper stuck.",
				"tags", List.of("printer-s1")));
		String solved = ask(asker, Map.of("title", "Quillhopper printer jam in the office", "body", "Paper stuck.",
				"tags", List.of("printer-s1"), "area", "office-s1"));
		String answerId = answer(asMember(), solved, "Open the rear tray and pull gently.");
		accept(as(asker), solved, answerId).expectStatus().isOk();
		String driver = ask(asker, Map.of("title", "Quillhopper driver missing", "body", "No driver for macOS.",
				"tags", List.of("drivers-s1")));

		eventually(Duration.ofSeconds(20), () -> this.http.get().uri("/api/v1/search?q=quillhopper").exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.total").isEqualTo(3)
			.jsonPath("$.facets.solved").isEqualTo(1)
			.jsonPath("$.facets.unanswered").isEqualTo(2)
			.jsonPath("$.facets.tags[0].value").isEqualTo("printer-s1")
			.jsonPath("$.facets.tags[0].count").isEqualTo(2)
			.jsonPath("$.facets.areas[0].value").isEqualTo("office-s1"));

		assertThat(ids("/api/v1/search?q=quillhopper printer jam")).first().isEqualTo(solved);
		assertThat(ids("/api/v1/search?q=quillhopper&status=solved")).containsExactly(solved);
		assertThat(ids("/api/v1/search?q=quillhopper&status=unanswered")).containsExactlyInAnyOrder(unsolved, driver);
		assertThat(ids("/api/v1/search?q=quillhopper&area=office-s1")).containsExactly(solved);
		assertThat(ids("/api/v1/search?q=quillhopper&tag=drivers-s1")).containsExactly(driver);
		assertThat(ids("/api/v1/search?q=quillhopper&sort=newest")).containsExactly(driver, solved, unsolved);

		this.http.get().uri("/api/v1/search?q=quillhopper&sort=newest&size=2").exchange().expectBody()
			.jsonPath("$.nextCursor").isEqualTo("2");
		assertThat(ids("/api/v1/search?q=quillhopper&sort=newest&size=2&cursor=2")).containsExactly(unsolved);
		this.http.get().uri("/api/v1/search?q=quillhopper&sort=newest&size=2&cursor=2").exchange().expectBody()
			.jsonPath("$.nextCursor").doesNotExist();

		String page = this.http.get().uri("/search?q=quillhopper&status=solved")
			.header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "ko").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("해결됨 (1)", "사무실 (1)", "/t/" + solved).doesNotContain("/t/" + unsolved);
		this.http.get().uri("/search?q=quillhopper&status=<script>&cursor=x").exchange().expectStatus().isOk();

		this.http.get().uri("/api/v1/search?q=x&status=everything").exchange().expectStatus().isBadRequest();
		this.http.get().uri("/api/v1/search?q=\"unbalanced (query* OR AND").exchange().expectStatus().isOk();
	}

	@Test
	void typosStillFindTheQuestion() {
		// Questions sharing the common words compete within one tag, so other tests' questions cannot decide the order.
		String tag = "typos-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		String id = ask(user(), Map.of("title", "Zanzibarian printer cartridge not recognised", "body", "Ink is new.",
				"tags", java.util.List.of(tag)));
		String decoy = ask(user(), Map.of("title", "Office printer cartridge leaves streaks", "body", "The printer is new.",
				"tags", java.util.List.of(tag)));
		for (String typo : new String[] { "zanzibarain printer", "Zanzibarian cartrige", "zanzibarian catridge" }) {
			eventually(Duration.ofSeconds(20), () -> assertThat(ids("/api/v1/search?tag=" + tag + "&q=" + typo))
				.first().isEqualTo(id));
		}
		// The decoy is indexed on its own schedule: the waits above were for the first question only.
		eventually(Duration.ofSeconds(20), () -> assertThat(ids("/api/v1/search?tag=" + tag + "&q=printer"))
			.contains(id, decoy));
		assertThat(ids("/api/v1/search?tag=" + tag + "&q=xanzibarian")).doesNotContain(id);
	}

	@Test
	void answersAreSearchableAndEditsToThemAreIndexed() {
		TestUser asker = user();
		String id = ask(asker, Map.of("title", "Router blinks orange", "body", "Since this morning."));
		TestUser helper = user();
		String answerId = answer(as(helper), id, "Hold the plumbicorn button for ten seconds.");
		eventually(Duration.ofSeconds(20), () -> assertThat(ids("/api/v1/search?q=plumbicorn")).containsExactly(id));

		as(helper).put().uri("/api/v1/threads/{t}/answers/{a}", id, answerId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Hold the quasitronic reset button for ten seconds.")).exchange()
			.expectStatus().isOk();
		eventually(Duration.ofSeconds(20), () -> {
			assertThat(ids("/api/v1/search?q=quasitronic")).containsExactly(id);
			assertThat(ids("/api/v1/search?q=plumbicorn")).isEmpty();
		});
	}

	private String ask(TestUser user, Map<String, Object> question) {
		return as(user).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON).bodyValue(question)
			.exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	@SuppressWarnings("unchecked")
	private List<String> ids(String uri) {
		Map<String, Object> result = this.http.get().uri(uri).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) result.get("hits")).stream().map((hit) -> (String) hit.get("id")).toList();
	}

}
