package dev.madang.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The stored state of every email, so none is lost or sent twice across a crash: scheduling is an upsert by the
 * email's id, each step a conditional update from the state before it.
 */
@Service
class EmailQueue {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	EmailQueue(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Schedules the email of a notification, due after {@code delay}; scheduling it again changes nothing. */
	Mono<Void> scheduleFor(String userId, String notificationId, Duration delay) {
		Instant now = this.clock.instant();
		return schedule(Email.forNotification(notificationId), new Update().setOnInsert("purpose", Email.NOTIFICATION)
			.setOnInsert("userId", userId)
			.setOnInsert("notificationId", notificationId)
			.setOnInsert("dueAt", now.plus(delay)), now);
	}

	/** Schedules a digest of these notifications, due now. */
	Mono<Void> scheduleDigest(String id, String userId, List<String> notificationIds) {
		Instant now = this.clock.instant();
		return schedule(id, new Update().setOnInsert("purpose", Email.DIGEST)
			.setOnInsert("userId", userId)
			.setOnInsert("notificationIds", notificationIds)
			.setOnInsert("dueAt", now), now);
	}

	private Mono<Void> schedule(String id, Update update, Instant now) {
		update.setOnInsert("state", Email.PENDING).setOnInsert("attempts", 0).setOnInsert("createdAt", now);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, Email.class)
			.onErrorResume(DuplicateKeyException.class, (raced) -> Mono.empty())
			.then();
	}

	/**
	 * Pending emails that are due, oldest first, and those a dead process left half-sent ({@code sending} for longer
	 * than {@code stalledAfter}, well past any SMTP timeout).
	 */
	Flux<Email> due(int limit, Duration stalledAfter) {
		Instant now = this.clock.instant();
		Flux<Email> pending = this.mongo.find(Query.query(Criteria.where("state").is(Email.PENDING)), Email.class)
			.filter((email) -> !email.dueAt().isAfter(now));
		Flux<Email> stalled = this.mongo.find(Query.query(Criteria.where("state").is(Email.SENDING)), Email.class)
			.filter((email) -> email.sendingSince() == null || email.sendingSince().isBefore(now.minus(stalledAfter)));
		return Flux.concat(stalled, pending.sort(java.util.Comparator.comparing(Email::dueAt))).take(limit);
	}

	/**
	 * Fixes what the email says and marks it {@code sending}, if it is still pending (or stalled in sending, whose
	 * content stays as it was). Empty when another sender took it.
	 */
	Mono<Email> beginSending(Email email, Composed composed) {
		Instant now = this.clock.instant();
		Update update = new Update().set("state", Email.SENDING).set("sendingSince", now);
		Criteria still;
		if (Email.PENDING.equals(email.state())) {
			still = Criteria.where("_id").is(email.id()).and("state").is(Email.PENDING);
			update.set("to", composed.to()).set("locale", composed.locale()).set("subject", composed.subject())
				.set("text", composed.text()).set("html", composed.html()).set("unsubscribeUrl", composed.unsubscribeUrl())
				.set("messageId", "<" + email.id().replace(':', '.') + "@madang>");
			if (Email.NOTIFICATION.equals(email.purpose())) {
				update.set("sentDay", sentDay(email.userId(), now));
			}
		}
		else {
			still = Criteria.where("_id").is(email.id()).and("state").is(Email.SENDING).and("sendingSince")
				.is(email.sendingSince());
		}
		return this.mongo.findAndModify(Query.query(still), update, FindAndModifyOptions.options().returnNew(true),
				Email.class);
	}

	Mono<Void> finish(Email email, String state) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(email.id()).and("state").is(Email.SENDING)),
				new Update().set("state", state).set("sentAt", this.clock.instant()).unset("lastError"), Email.class)
			.then();
	}

	/** SMTP refused or was unreachable: back to pending, due again after a backoff that grows to an hour. */
	Mono<Void> retryLater(Email email, String error, Duration firstBackoff) {
		int attempts = email.attempts() + 1;
		Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 12));
		backoff = (backoff.compareTo(Duration.ofHours(1)) > 0) ? Duration.ofHours(1) : backoff;
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(email.id()).and("state").is(Email.SENDING)),
				new Update().set("state", Email.PENDING).set("attempts", attempts)
					.set("dueAt", this.clock.instant().plus(backoff)).set("lastError", error).unset("sendingSince"),
				Email.class)
			.then();
	}

	/**
	 * Writing the email failed: due again after a backoff, and cancelled with the error after {@value #MOST_ATTEMPTS}
	 * attempts, so one email that cannot be written does not hold up the others forever.
	 */
	Mono<Void> writingFailed(Email email, String error, Duration firstBackoff) {
		int attempts = email.attempts() + 1;
		Query still = Query.query(Criteria.where("_id").is(email.id()).and("state").is(Email.PENDING));
		if (attempts >= MOST_ATTEMPTS) {
			return this.mongo.updateFirst(still, new Update().set("state", Email.CANCELLED).set("attempts", attempts)
				.set("reason", "not-written").set("lastError", error), Email.class).then();
		}
		return this.mongo.updateFirst(still, new Update().set("attempts", attempts).set("lastError", error)
			.set("dueAt", this.clock.instant().plus(firstBackoff.multipliedBy(1L << attempts))), Email.class).then();
	}

	static final int MOST_ATTEMPTS = 5;

	Mono<Void> cancel(Email email, String reason) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(email.id()).and("state").is(Email.PENDING)),
				new Update().set("state", Email.CANCELLED).set("reason", reason), Email.class).then();
	}

	/** Emails counted against the member's cap today (being sent or sent). */
	Mono<Long> sentToday(String userId) {
		return this.mongo.count(Query.query(Criteria.where("sentDay").is(sentDay(userId, this.clock.instant()))),
				Email.class);
	}

	/** The latest emails, for the admins' outbox page. */
	Flux<Email> latest(int limit) {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Email.class);
	}

	Mono<Email> find(String id) {
		return this.mongo.findById(id, Email.class);
	}

	private static String sentDay(String userId, Instant at) {
		return userId + ":" + at.atZone(ZoneOffset.UTC).toLocalDate();
	}

	/** What an email says and to whom, fixed when it starts on its way. */
	record Composed(String to, String locale, String subject, String text, String html, String unsubscribeUrl) {
	}

}
