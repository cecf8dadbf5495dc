package dev.madang.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.madang.support.Deadline;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded storage keeps every acknowledged write when its process is killed with SIGKILL. */
class EmbeddedMongoDurabilityTest {

	@TempDir
	Path dataDir;

	@Test
	void everyAcknowledgedInsertSurvivesKillMinusNine() throws Exception {
		Path file = this.dataDir.resolve("madang.mv");
		Server first = Server.start(file);
		try (MongoClient client = MongoClients.create(first.uri)) {
			MongoCollection<Document> posts = client.getDatabase("madang").getCollection("posts");
			for (int i = 0; i < 1000; i++) {
				Mono.from(posts.insertOne(new Document("n", i))).block(Duration.ofSeconds(10));
			}
		}
		first.kill();

		assertThat(countAfterRestart(file)).isEqualTo(1000);
	}

	@Test
	void acknowledgedInsertsSurviveAKillInTheMiddleOfAStream() throws Exception {
		Path file = this.dataDir.resolve("madang.mv");
		Server server = Server.start(file);
		AtomicInteger acknowledged = new AtomicInteger();
		try (MongoClient client = MongoClients.create(server.uri)) {
			MongoCollection<Document> posts = client.getDatabase("madang").getCollection("posts");
			var writing = Flux.range(0, 100_000)
				.flatMap((n) -> Mono.from(posts.insertOne(new Document("n", n))), 16)
				.doOnNext((done) -> acknowledged.incrementAndGet())
				.subscribe(null, (failure) -> { });
			Deadline.awaitTrue(Duration.ofMinutes(2), () -> acknowledged.get() >= 500, "500 acknowledged inserts");
			server.kill();
			writing.dispose();
		}
		int acknowledgedBeforeKill = acknowledged.get();

		assertThat(countAfterRestart(file)).isGreaterThanOrEqualTo(acknowledgedBeforeKill);
	}

	private static long countAfterRestart(Path file) throws Exception {
		Server again = Server.start(file);
		try (MongoClient client = MongoClients.create(again.uri)) {
			return Mono.from(client.getDatabase("madang").getCollection("posts").countDocuments())
				.block(Duration.ofSeconds(30));
		}
		finally {
			again.kill();
		}
	}

	/** {@link EmbeddedMongo#main} in a separate JVM, so it can really be killed. */
	private record Server(Process process, String uri) {

		static Server start(Path file) throws Exception {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
					EmbeddedMongo.class.getName(), file.toString())
				.redirectErrorStream(true)
				.start();
			BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			for (String line; (line = output.readLine()) != null;) {
				if (line.startsWith("READY ")) {
					Thread drain = new Thread(() -> output.lines().forEach((ignored) -> { }));
					drain.setDaemon(true);
					drain.start();
					return new Server(process, line.substring("READY ".length()));
				}
			}
			throw new IllegalStateException("The embedded storage did not start; exit code " + process.waitFor());
		}

		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(Files.exists(Path.of("."))).isTrue();
		}

	}

}
