package dev.madang.embedded;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries naming an {@code _id} with further conditions, as the conditional updates send them, answer exactly as
 * MongoDB does when the embedded storage reads the one document by id instead of the whole collection.
 */
class IdFirstQueriesTest {

	private static EmbeddedMongo server;

	private static MongoClient client;

	private static MongoCollection<Document> things;

	@BeforeAll
	static void start() {
		server = EmbeddedMongo.inMemory();
		client = MongoClients.create(server.uri());
		things = client.getDatabase("idfirst").getCollection("things");
		List<Document> many = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			many.add(new Document("_id", "t" + i).append("version", 1).append("status", "open"));
		}
		Mono.from(things.insertMany(many)).block();
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@Test
	void findsTheDocumentOnlyWhenTheOtherConditionsHoldToo() {
		assertThat(find(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 1)))).extracting((d) -> d.get("_id"))
			.containsExactly("t7");
		assertThat(find(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 2)))).isEmpty();
		assertThat(find(Filters.and(Filters.eq("_id", "t7"), Filters.in("status", "open", "answered")))).hasSize(1);
		assertThat(find(Filters.and(Filters.eq("_id", "t7"), Filters.ne("status", "open")))).isEmpty();
		assertThat(find(Filters.and(Filters.eq("_id", "missing"), Filters.eq("version", 1)))).isEmpty();
		// As Spring Data sends it: the conditions side by side rather than in an $and.
		assertThat(find(new Document("_id", "t8").append("version", 1))).hasSize(1);
		assertThat(find(new Document("_id", "t8").append("version", 2))).isEmpty();
		// Not plain ids: answered by reading the collection, as before.
		assertThat(find(Filters.and(Filters.in("_id", "t1", "t2"), Filters.eq("version", 1)))).hasSize(2);
		// A batch by id, as Spring Data sends Criteria.where("_id").in(...): each id read, missing ones skipped.
		assertThat(find(new Document("_id", new Document("$in", List.of("t3", "t4", "missing", "t3")))))
			.extracting((d) -> d.get("_id")).containsExactlyInAnyOrder("t3", "t4");
		assertThat(find(new Document("_id", new Document("$in", List.of("t5", "t6"))).append("version", 2))).isEmpty();
		assertThat(find(new Document("_id", new Document("$in", List.of("t5", "t6")).append("$ne", "t5"))))
			.extracting((d) -> d.get("_id")).containsExactly("t6");
	}

	@Test
	void conditionalUpdatesApplyOnceAndUpsertsCollideAsInMongoDb() {
		Mono.from(things.insertOne(new Document("_id", "vote").append("seq", 1))).block();
		assertThat(Mono.from(things.updateOne(Filters.and(Filters.eq("_id", "vote"), Filters.eq("seq", 1)),
				Updates.inc("seq", 1))).block().getModifiedCount()).isEqualTo(1);
		assertThat(Mono.from(things.updateOne(Filters.and(Filters.eq("_id", "vote"), Filters.eq("seq", 1)),
				Updates.inc("seq", 1))).block().getModifiedCount()).isZero();
		Document after = Mono.from(things.findOneAndUpdate(Filters.and(Filters.eq("_id", "vote"), Filters.eq("seq", 2)),
				Updates.set("value", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).block();
		assertThat(after).containsEntry("value", 1).containsEntry("seq", 2);
		// A repeated vote: the condition fails, so the upsert inserts the same id and collides.
		assertThatThrownBy(() -> Mono.from(things.updateOne(Filters.and(Filters.eq("_id", "vote"),
				Filters.ne("value", 1)), Updates.set("value", 1), new UpdateOptions().upsert(true))).block())
			.isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
	}

	@Test
	void objectIdsAreLookedUpToo() {
		ObjectId id = new ObjectId();
		Mono.from(things.insertOne(new Document("_id", id).append("version", 3))).block();
		assertThat(find(Filters.and(Filters.eq("_id", id), Filters.eq("version", 3)))).hasSize(1);
		assertThat(find(Filters.and(Filters.eq("_id", id), Filters.gt("version", 3)))).isEmpty();
		assertThat(Mono.from(things.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", 3)))).block()
			.getDeletedCount()).isEqualTo(1);
	}

	private static List<Document> find(org.bson.conversions.Bson filter) {
		return Flux.from(things.find(filter)).collectList().block();
	}

}
