package dev.madang.indexing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
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
class JobLease {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	JobLease(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** True when this instance holds (or just took) the lease on {@code job} for the next {@code duration}. */
	Mono<Boolean> acquire(String job, Duration duration) {
		Instant now = this.clock.instant();
		Query claimable = Query.query(Criteria.where("_id").is(job)
			.orOperator(Criteria.where("owner").is(this.owner), Criteria.where("expiresAt").lt(now)));
		Update claim = new Update().set("owner", this.owner).set("expiresAt", now.plus(duration));
		return this.mongo
			.findAndModify(claimable, claim, FindAndModifyOptions.options().upsert(true).returnNew(true),
					org.bson.Document.class, "leases")
			.map((lease) -> this.owner.equals(lease.getString("owner")))
			.defaultIfEmpty(false)
			// The lease exists, held by another live instance: the upsert collided with its _id.
			.onErrorResume(DuplicateKeyException.class, (taken) -> Mono.just(false));
	}

}
