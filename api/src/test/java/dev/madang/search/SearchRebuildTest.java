package dev.madang.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.QaSteps;
import dev.madang.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.ThreadSamples.question;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin rebuild: a new index swapped in while customers search and write, without losing a write. */
class SearchRebuildTest extends ApiIntegrationTest {

	@Test
	void rebuildSwapsInANewIndexWhileSearchesAndWritesGoOnAndLosesNoWrite() throws Exception {
		String tag = "rebuild-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		existingTags(tag);
		TestUsers.TestUser admin = user(Role.ADMIN);
		TestUsers.TestUser moderator = user(Role.MODERATOR);
		WebTestClient writer = asMember();
		List<String> seeded = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			seeded.add(create(writer, "Rebuild quokka " + i, tag));
		}
		WebTestClient staff = as(user(Role.STAFF));
		String article = QaSteps.promote(staff, QaSteps.solvedThread(asMember(), as(moderator), "Quokka handbook export"), "en");
		QaSteps.publish(staff, article);
		eventually(Duration.ofSeconds(30), () -> searchTotal("quokka", tag).isEqualTo(20));
		eventually(Duration.ofSeconds(30), () -> assertThat(officialAnswers("quokka handbook")).contains(article));
		awaitNoRebuild(admin);
		List<String> before = indices(admin);

		as(admin).post().uri("/api/v1/admin/search/rebuild").exchange()
			.expectStatus().isAccepted()
			.expectBody().jsonPath("$.running").isEqualTo(true);
		as(admin).post().uri("/api/v1/admin/search/rebuild").exchange()
			.expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

		AtomicBoolean rebuilding = new AtomicBoolean(true);
		List<String> created = new CopyOnWriteArrayList<>();
		Map<String, String> titles = new ConcurrentHashMap<>();
		AtomicInteger searches = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		List<Future<?>> work = new ArrayList<>();
		work.add(pool.submit(() -> {
			for (int n = 0; rebuilding.get() || n < 10; n++) {
				created.add(create(writer, "Rebuild quokka written meanwhile " + n, tag));
			}
		}));
		work.add(pool.submit(() -> {
			for (int n = 0; rebuilding.get() || n < 10; n++) {
				String id = seeded.get(n % seeded.size());
				String title = "Rebuild quokka edited " + n;
				as(moderator).put().uri("/api/v1/threads/{id}", id).contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("title", title, "body", "Edited during the rebuild", "tags", List.of(tag)))
					.exchange().expectStatus().isOk();
				titles.put(id, title);
			}
		}));
		work.add(pool.submit(() -> {
			while (rebuilding.get()) {
				// Searching never stops: the old index answers until the alias moves to the complete new one.
				searchTotal("quokka", tag).value((Integer total) -> assertThat(total).isGreaterThanOrEqualTo(20));
				searches.incrementAndGet();
			}
		}));
		try {
			awaitNoRebuild(admin);
			rebuilding.set(false);
			for (Future<?> task : work) {
				task.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			rebuilding.set(false);
			pool.shutdown();
		}

		Map<?, ?> index = as(admin).get().uri("/api/v1/admin/search").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> last = (Map<?, ?>) ((Map<?, ?>) index.get("rebuild")).get("last");
		assertThat(last).as("the rebuild finished: %s", index).isNotNull();
		assertThat(index.get("indices")).isEqualTo(List.of(last.get("index")));
		assertThat(before).doesNotContain((String) last.get("index"));
		assertThat(((Number) last.get("threads")).longValue()).isGreaterThanOrEqualTo(20);
		assertThat(searches.get()).isPositive();

		eventually(Duration.ofSeconds(30), () -> searchTotal("quokka", tag).isEqualTo(20 + created.size()));
		for (Map.Entry<String, String> edit : titles.entrySet()) {
			eventually(Duration.ofSeconds(30), () -> this.http.get().uri("/api/v1/search?q=quokka&tag={tag}&size=50", tag)
				.exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.hits[?(@.id == '" + edit.getKey() + "')].title").isEqualTo(storedTitle(edit.getKey())));
		}
		eventually(Duration.ofSeconds(10), () -> assertThat(indicesOnNode(before)).isEmpty());
		assertThat(officialAnswers("quokka handbook")).as("articles are rebuilt with the threads").contains(article);
	}

	private List<String> officialAnswers(String text) {
		Map<?, ?> found = this.http.get().uri("/api/v1/search?q={q}", text).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((List<?>) found.get("articles")).stream().map((hit) -> (String) ((Map<?, ?>) hit).get("id")).toList();
	}

	@Test
	void onlyAdministratorsRebuild() {
		asMember().post().uri("/api/v1/admin/search/rebuild").exchange().expectStatus().isForbidden();
		as(user(Role.STAFF)).get().uri("/api/v1/admin/search").exchange().expectStatus().isForbidden();
		this.http.post().uri("/api/v1/admin/search/rebuild").exchange().expectStatus().isUnauthorized();
	}

	/** Waits for this instance's rebuild, if any (another test may have started one), to end. */
	private void awaitNoRebuild(TestUsers.TestUser admin) {
		eventually(Duration.ofMinutes(2), () -> as(admin).get().uri("/api/v1/admin/search").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.rebuild.running").isEqualTo(false));
	}

	private String create(WebTestClient client, String title, String tag) {
		return client.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question(title, "Indexed across a rebuild", tag))
			.exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

	private org.springframework.test.web.reactive.server.JsonPathAssertions searchTotal(String text, String tag) {
		return this.http.get().uri("/api/v1/search?q={q}&tag={tag}", text, tag).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total");
	}

	private String storedTitle(String id) {
		return this.http.get().uri("/api/v1/threads/{id}", id).exchange().expectBody(Map.class).returnResult()
			.getResponseBody().get("title").toString();
	}

	@SuppressWarnings("unchecked")
	private List<String> indices(TestUsers.TestUser admin) {
		return (List<String>) as(admin).get().uri("/api/v1/admin/search").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("indices");
	}

	/** Which of these indices still exist on the node. */
	private static List<String> indicesOnNode(List<String> names) {
		List<String> existing = new ArrayList<>();
		for (String name : names) {
			try {
				java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient()
					.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
							dev.madang.support.TestInfrastructure.search().url() + "/" + name))
						.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
							java.net.http.HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					existing.add(name);
				}
			}
			catch (java.io.IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return existing;
	}

}
