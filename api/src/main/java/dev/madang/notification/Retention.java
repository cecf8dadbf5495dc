package dev.madang.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the inbox and the mail log from growing without end: read notifications older than {@code keep-read} and
 * emails that left (or were cancelled) longer ago than {@code keep-emails} are removed, at most once per
 * {@code PERIOD}. Unread notifications and emails still on their way are never touched.
 */
@Component
class Retention {

	static final Duration PERIOD = Duration.ofHours(1);

	private final ReactiveMongoTemplate mongo;

	private final MailProperties mail;

	private final Clock clock;

	private volatile Instant lastRun = Instant.EPOCH;

	Retention(ReactiveMongoTemplate mongo, MailProperties mail, Clock clock) {
		this.mongo = mongo;
		this.mail = mail;
		this.clock = clock;
	}

	/** Prunes if the last pruning is a period ago. */
	Mono<Void> pruneIfDue() {
		Instant now = this.clock.instant();
		if (this.lastRun.plus(PERIOD).isAfter(now)) {
			return Mono.empty();
		}
		this.lastRun = now;
		return prune(now).then();
	}

	/** Removes what is past keeping at {@code now}; answers how many notifications and emails went. */
	Mono<Long> prune(Instant now) {
		Query oldRead = Query.query(Criteria.where("read").is(true).and("lastAt").lt(now.minus(this.mail.keepRead())));
		Query oldEmails = Query.query(Criteria.where("state").in(List.of(Email.SENT, Email.KEPT, Email.CANCELLED))
			.and("createdAt").lt(now.minus(this.mail.keepEmails())));
		return this.mongo.remove(oldRead, Notification.class)
			.zipWith(this.mongo.remove(oldEmails, Email.class),
					(notifications, emails) -> notifications.getDeletedCount() + emails.getDeletedCount());
	}

}
