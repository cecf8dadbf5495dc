package dev.madang.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A time-limited lease in MongoDB ({@code leases} collection) so that, of many application instances, one at a time
 * works a given job. Holding it is renewed by acquiring again; a crashed holder's lease simply expires.
 */
@Component
public class JobLease {

	private static final String COLLECTION = "leases";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	public JobLease(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** True when this instance holds (or just took) the lease on {@code job} for the next {@code duration}. */
	public Mono<Boolean> acquire(String job, Duration duration) {
		Instant now = this.clock.instant();
		Query claimable = Query.query(Criteria.where("_id").is(job)
			.orOperator(Criteria.where("owner").is(this.owner), Criteria.where("expiresAt").lt(now)));
		Update claim = new Update().set("owner", this.owner).set("expiresAt", now.plus(duration));
		return ensureExists(job)
			.then(this.mongo.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(true),
					org.bson.Document.class, COLLECTION))
			.map((lease) -> this.owner.equals(lease.getString("owner")))
			.defaultIfEmpty(false);
	}

	/** Gives the lease up at once (on a clean shutdown), so another instance or the next start need not wait. */
	public Mono<Void> release(String job) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(job).and("owner").is(this.owner)),
				new Update().set("owner", null).set("expiresAt", Instant.EPOCH), COLLECTION).then();
	}

	/**
	 * Creates the lease document, expired, unless it exists. Claiming is then a plain conditional update: an upsert
	 * on a held lease would collide with its {@code _id} on every attempt.
	 */
	private Mono<Void> ensureExists(String job) {
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(job)),
				new Update().setOnInsert("expiresAt", Instant.EPOCH), COLLECTION).then();
	}

}
