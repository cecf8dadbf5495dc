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

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dataDir;

	@Test
	void everyEventOfAWriteStoredBeforeKillMinusNineIsHandledAfterRestartOnce() throws Exception {
		String elasticsearch = TestInfrastructure.search().url();
		String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8);
		int mongoPort = freePort();
		App first = App.start(this.dataDir, elasticsearch, prefix, mongoPort);
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

		App second = App.start(this.dataDir, elasticsearch, prefix, mongoPort);
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** {@code MadangApplication.main} in a separate JVM on the test classpath, with the tally consumer added. */
	private record App(Process process, String base) {

		static App start(Path dataDir, String elasticsearch, String prefix, int mongoPort) throws Exception {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
					"dev.madang.MadangApplication", "--server.port=" + port, "--server.address=127.0.0.1",
					"--madang.embedded.data-dir=" + dataDir, "--madang.embedded.mongodb-port=" + mongoPort,
					"--madang.elasticsearch.url=" + elasticsearch, "--madang.search.index-prefix=" + prefix,
					"--madang.seed.enabled=false", "--madang.admin.demo-accounts=false",
					"--madang.rate-limits.writes-per-user=100000", "--madang.rate-limits.writes-per-ip=100000",
					"--madang.rate-limits.sign-ups-per-ip=1000", "--madang.rate-limits.tokens-per-user=1000",
					"--madang.rate-limits.logins-per-ip=1000", "--madang.moderation.new-members.period=0s",
					"--spring.main.sources=" + CrashTally.class.getName(),
					"--logging.level.root=warn"));
			Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			App app = new App(process, "http://127.0.0.1:" + port);
			try {
				Deadline.awaitTrue(Duration.ofMinutes(2), () -> app.healthy() || !process.isAlive(), "the application answers");
			}
			finally {
				if (!process.isAlive() || !app.healthy()) {
					List<String> lines = Files.readAllLines(log);
					throw new IllegalStateException("The application did not start:\n"
							+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
				}
			}
			return app;
		}

		boolean healthy() {
			try {
				return HTTP.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/threads")).GET().build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		String memberToken() throws Exception {
			String email = "asker-" + UUID.randomUUID() + "@example.com";
			String password = "kettle-whistle-" + UUID.randomUUID();
			post("/api/v1/accounts", null, "{\"email\":\"" + email + "\",\"displayName\":\"Asker\",\"password\":\""
					+ password + "\"}", 201);
			String basic = "Basic " + Base64.getEncoder()
				.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
			String body = post("/api/v1/tokens", basic, "{\"name\":\"crash test\"}", 201);
			Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
			assertThat(token.find()).as(body).isTrue();
			return "Bearer " + token.group(1);
		}

		/** Asks a question; returns its id, or null when the answer was not 201. */
		String ask(String bearer, String title) throws IOException, InterruptedException {
			HttpResponse<String> response = HTTP.send(json("/api/v1/threads", bearer,
					"{\"title\":\"" + title + "\",\"body\":\"It whistles a minute early every time.\",\"tags\":[]}"),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				return null;
			}
			Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"").matcher(response.body());
			return id.find() ? id.group(1) : null;
		}

		boolean indexed(String elasticsearch, String prefix, String id) throws Exception {
			HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + prefix
					+ "-posts/_doc/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
			return found.statusCode() == 200 && found.body().contains("\"found\":true");
		}

		private String post(String path, String authorization, String body, int status) throws Exception {
			HttpResponse<String> response = HTTP.send(json(path, authorization, body), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			return response.body();
		}

		private HttpRequest json(String path, String authorization, String body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			return request.build();
		}

		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}

	}

}
