package dev.madang.embedded;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Benchmark, not a test (surefire does not pick it up by name): conditional reads and updates by {@code _id} at
 * 35,000 documents, with the stock H2 storage of mongo-java-server and with {@link IdFirstH2Database}. Run with
 * {@code ./mvnw -B -o verify -pl api -Dtest=EmbeddedIdLookupBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EmbeddedIdLookupBench {

	@Test
	void conditionalQueriesById() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("idbench");
		bench("stock, file", new H2Backend(CommittingH2Backend.openStore(dir.resolve("a.mv"))));
		bench("id-first only, file", new H2Backend(CommittingH2Backend.openStore(dir.resolve("b.mv"))) {
			@Override
			protected MongoDatabase openOrCreateDatabase(String databaseName) {
				return IdFirstH2Database.open(databaseName, getMvStore(), getCursorRegistry());
			}
		});
		
	}

	private static void bench(String name, H2Backend backend) {
		MongoServer server = new MongoServer(backend);
		java.net.InetSocketAddress address = server.bind();
		run(name, "mongodb://" + address.getHostString() + ":" + address.getPort());
		server.shutdownNow();
	}

	private static void run(String name, String uri) {
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> threads = client.getDatabase("bench").getCollection("threads");
			String text = "x".repeat(1000);
			for (int batch = 0; batch < 35; batch++) {
				List<Document> docs = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					docs.add(new Document("_id", "t" + (batch * 1000 + i)).append("version", 1L).append("body", text));
				}
				Mono.from(threads.insertMany(docs)).block();
			}
			for (int round = 0; round < 2; round++) {
				long start = System.nanoTime();
				int n = 200;
				for (int i = 0; i < n; i++) {
					String id = "t" + (i * 157 % 35000);
					Mono.from(threads.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1L)),
							Updates.set("seen", i + round))).block();
				}
				long mid = System.nanoTime();
				for (int i = 0; i < n; i++) {
					String id = "t" + (i * 157 % 35000);
					Mono.from(threads.find(Filters.and(Filters.eq("_id", id), Filters.eq("version", 1L))).first()).block();
				}
				long end = System.nanoTime();
				for (int i = 0; i < n; i++) {
					String id = "t" + (i * 157 % 35000);
					Mono.from(threads.find(Filters.eq("_id", id)).first()).block();
				}
				long end2 = System.nanoTime();
				for (int i = 0; i < n; i++) {
					Mono.from(threads.find(Filters.eq("version", 7L)).first()).block();
					if (i == 9) { break; }
				}
				long end3 = System.nanoTime();
				System.out.printf("BENCH %s round %d: find by _id alone %.2f ms, full scan %.2f ms%n", name, round, (end2 - end) / 1e6 / n, (end3 - end2) / 1e6 / 10);
				System.out.printf("BENCH %s round %d: update %.2f ms, find %.2f ms%n", name, round, (mid - start) / 1e6 / n,
						(end - mid) / 1e6 / n);
			}
		}
	}

}
