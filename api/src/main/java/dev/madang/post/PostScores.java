package dev.madang.post;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Reading and repairing the stored scores of questions and answers alike, for their owners to offer the reconciler. */
public final class PostScores {

	private PostScores() {
	}

	/** Every post's score and imported score in {@code type}'s collection, read in one projection. */
	public static Flux<PostScore> all(ReactiveMongoTemplate mongo, Class<? extends Post> type) {
		Query all = new Query();
		all.fields().include("_id").include("score").include("importedScore");
		return mongo.find(all, Document.class, mongo.getCollectionName(type))
			.map((post) -> new PostScore(post.getObjectId("_id").toHexString(), post.getInteger("score", 0),
					post.getInteger("importedScore", 0)));
	}

	/** Sets a post's score outright. */
	public static Mono<Void> set(ReactiveMongoTemplate mongo, Class<? extends Post> type, String id, int score) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("score", score), type).then();
	}

}
