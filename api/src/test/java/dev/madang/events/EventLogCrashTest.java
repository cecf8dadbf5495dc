package dev.madang.events;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.madang.embedded.EmbeddedMongo;
import dev.madang.support.ChildApplication;
import dev.madang.support.Deadline;
import dev.madang.support.TestInfrastructure;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application in its own JVM, killed with SIGKILL while members ask questions, then started again on the
 * same data: every question stored has exactly one event, and every consumer (the search index and a tally added for
 * the test) handles each one.
 */
class EventLogCrashTest {

	@TempDir
	Path dataDir;

	@Test
	void everyEventOfAWriteStoredBeforeKillMinusNineIsHandledAfterRestartOnce() throws Exception {
		String elasticsearch = TestInfrastructure.search().url();
		String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8);
		int mongoPort = ChildApplication.freePort();
		ChildApplication first = ChildApplication.start(this.dataDir, elasticsearch, prefix, mongoPort,
				"--spring.main.sources=" + CrashTally.class.getName());
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		try {
			String bearer = first.memberToken();
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService askers = Executors.newFixedThreadPool(4);
			for (int i = 0; i < 4; i++) {
				int asker = i;
				askers.submit(() -> {
					for (int n = 0; !killed.get(); n++) {
						try {
							String id = first.ask(bearer, "Kettle " + asker + "-" + n + " whistles before boiling");
							if (id != null) {
								acknowledged.add(id);
							}
						}
						catch (IOException | InterruptedException ex) {
							return;
						}
					}
				});
			}
			Deadline.awaitTrue(Duration.ofMinutes(2), () -> acknowledged.size() >= 40, "40 questions asked");
			first.kill();
			killed.set(true);
			askers.shutdown();
			assertThat(askers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			first.kill();
		}
		// And one write whose process died before its relay ran: a question stored with its event in the outbox.
		String leftInOutbox = storeQuestionWithUnrelayedEvent(this.dataDir.resolve("mongo").resolve("madang.mv"),
				acknowledged.iterator().next());

		ChildApplication second = ChildApplication.start(this.dataDir, elasticsearch, prefix, mongoPort,
				"--spring.main.sources=" + CrashTally.class.getName());
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
			MongoDatabase madang = client.getDatabase("madang");
			Set<String> expected = new java.util.HashSet<>(acknowledged);
			expected.add(leftInOutbox);
			Deadline.eventually(Duration.ofMinutes(2), () -> {
				Map<String, Long> asked = askedEventsBySubject(madang);
				List<Document> tally = all(madang, "crash_tally");
				Set<String> tallied = tally.stream().map((entry) -> entry.getString("threadId")).collect(Collectors.toSet());
				Set<String> stored = all(madang, "threads").stream().map((thread) -> thread.get("_id").toString())
					.collect(Collectors.toSet());
				// Every thread stored (acknowledged or not: the kill can land between the write and its reply) has
				// exactly one event, and no event names a thread that was never stored.
				assertThat(stored).containsAll(expected);
				assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(stored);
				assertThat(asked.values()).allSatisfy((count) -> assertThat(count).isEqualTo(1L));
				assertThat(tallied).containsExactlyInAnyOrderElementsOf(stored);
				assertThat(tally).hasSize(stored.size());
				assertThat(all(madang, "threads")).allSatisfy((thread) -> assertThat(thread.getBoolean("indexPending"))
					.as("indexed: %s", thread.get("_id")).isFalse());
			});
			for (String id : expected) {
				assertThat(second.indexed(elasticsearch, prefix, id)).as("%s in the search index", id).isTrue();
			}
		}
		finally {
			second.kill();
		}
	}

	/** Opens the killed app's storage and adds a copy of a thread whose event never left its outbox. */
	private static String storeQuestionWithUnrelayedEvent(Path file, String templateId) {
		try (EmbeddedMongo storage = EmbeddedMongo.onFile(file, 0);
				MongoClient client = MongoClients.create(storage.uri())) {
			var threads = client.getDatabase("madang").getCollection("threads");
			Document thread = Mono.from(threads.find(Filters.eq("_id", new ObjectId(templateId))).first()).block();
			ObjectId id = new ObjectId();
			thread.put("_id", id);
			thread.put("title", "Kettle left in the outbox whistles");
			thread.put("indexPending", true);
			thread.put("outbox", List.of(new Document("eventId", UUID.randomUUID().toString())
				.append("type", EventType.QUESTION_ASKED).append("subject", id.toHexString())
				.append("threadId", id.toHexString()).append("at", Date.from(Instant.now()))
				.append("data", new Document("title", "Kettle left in the outbox whistles"))));
			Mono.from(threads.insertOne(thread)).block(Duration.ofSeconds(10));
			return id.toHexString();
		}
	}

	private static Map<String, Long> askedEventsBySubject(MongoDatabase madang) {
		return Flux.from(madang.getCollection("events").find(Filters.eq("type", EventType.QUESTION_ASKED)))
			.collect(Collectors.groupingBy((event) -> event.getString("subject"), Collectors.counting()))
			.block(Duration.ofSeconds(30));
	}

	private static List<Document> all(MongoDatabase madang, String collection) {
		return Flux.from(madang.getCollection(collection).find()).collectList().block(Duration.ofSeconds(30));
	}

}
