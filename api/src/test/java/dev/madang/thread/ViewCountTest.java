package dev.madang.thread;

import java.time.Duration;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.madang.support.QaSteps.ask;

class ViewCountTest extends ApiIntegrationTest {

	@Autowired
	private ViewCounter views;

	@Test
	void eachViewerCountsOncePerQuestionAndCountsAreSavedInBatches() {
		TestUser asker = user();
		String threadId = ask(as(asker), "How many views");
		String page = "/t/" + threadId + "/how-many-views";
		for (int i = 0; i < 3; i++) {
			this.http.get().uri(page).exchange().expectStatus().isOk();
		}
		as(user()).get().uri(page).exchange().expectStatus().isOk();
		as(asker).get().uri(page).exchange().expectStatus().isOk();
		this.http.get().uri("/t/{id}/wrong-slug", threadId).exchange().expectStatus().is3xxRedirection();

		this.views.flush().block(Duration.ofSeconds(10));
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody().jsonPath("$.viewCount").isEqualTo(3);
		this.http.get().uri(page).exchange().expectBody(String.class)
			.value((html) -> org.assertj.core.api.Assertions.assertThat(html).contains("viewed 3 times"));
	}


	@Test
	void overlappingFlushesLoseNoViewAndFailNone() throws Exception {
		String threadId = ask(asMember(), "Views while flushing");
		int viewers = 2_000;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
			work.add(pool.submit(() -> {
				for (int i = 0; i < viewers; i++) {
					this.views.viewed(threadId, "viewer-" + i);
					// Views of many other questions keep each flush busy long enough for the others to overlap it.
					this.views.viewed(new org.bson.types.ObjectId().toHexString(), "viewer-" + i);
				}
			}));
			for (int f = 0; f < 3; f++) {
				work.add(pool.submit(() -> {
					for (int i = 0; i < 50; i++) {
						this.views.flush().block(Duration.ofSeconds(10));
					}
				}));
			}
			for (java.util.concurrent.Future<?> task : work) {
				task.get(2, java.util.concurrent.TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdown();
		}
		this.views.flush().block(Duration.ofSeconds(10));
		this.http.get().uri("/api/v1/threads/{id}", threadId).exchange().expectBody().jsonPath("$.viewCount")
			.isEqualTo(viewers);
	}

}
