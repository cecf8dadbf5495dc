package dev.madang.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Members' delivery choices per notification kind, and when their digests are due. */
@Service
class NotificationSettings {

	private final ReactiveMongoTemplate mongo;

	private final MailProperties mail;

	private final Clock clock;

	NotificationSettings(ReactiveMongoTemplate mongo, MailProperties mail, Clock clock) {
		this.mongo = mongo;
		this.mail = mail;
		this.clock = clock;
	}

	Mono<Preferences> of(String userId) {
		return this.mongo.findById(userId, Preferences.class).defaultIfEmpty(Preferences.defaults(userId));
	}

	/** Sets the named kinds' deliveries; an unknown kind or delivery is refused and nothing changes. */
	Mono<Preferences> choose(String userId, Map<String, String> chosen) {
		Update update = new Update();
		for (Map.Entry<String, String> entry : chosen.entrySet()) {
			if (!NotificationKind.known(entry.getKey())) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "unknown-notification-kind",
						"No such kind of notification", "Kinds are " + NotificationKind.DEFAULTS.keySet() + ".")
					.with("kind", entry.getKey()));
			}
			if (Delivery.parse(entry.getValue()).isEmpty()) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "unknown-delivery",
						"No such delivery", "Delivery is email, daily, weekly, app or off.")
					.with("delivery", String.valueOf(entry.getValue())));
			}
			update.set("deliveries." + entry.getKey(), entry.getValue());
		}
		if (chosen.isEmpty()) {
			return of(userId);
		}
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(userId)), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Preferences.class);
	}

	/** Stops emails of one kind (or of every kind, {@code all}): they stay in the inbox. */
	Mono<Preferences> stopEmails(String userId, String kind) {
		return of(userId).flatMap((preferences) -> {
			Map<String, String> chosen = new java.util.HashMap<>();
			NotificationKind.DEFAULTS.keySet().stream()
				.filter((each) -> "all".equals(kind) || each.equals(kind))
				.filter((each) -> preferences.of(each) != Delivery.APP && preferences.of(each) != Delivery.OFF)
				.forEach((each) -> chosen.put(each, Delivery.APP.value()));
			return choose(userId, chosen);
		});
	}

	/** Something waits for the member's daily or weekly digest: make sure the digest is due one period after the last. */
	Mono<Void> awaitDigest(String userId, Delivery frequency) {
		String next = (frequency == Delivery.DAILY) ? "nextDailyAt" : "nextWeeklyAt";
		Duration period = period(frequency);
		Instant now = this.clock.instant();
		return of(userId).flatMap((preferences) -> {
			Instant last = (frequency == Delivery.DAILY) ? preferences.lastDailyAt() : preferences.lastWeeklyAt();
			Instant due = (last == null || last.plus(period).isBefore(now)) ? now.plus(period) : last.plus(period);
			Query waiting = Query.query(Criteria.where("_id").is(userId).and(next).is(null));
			return this.mongo.upsert(waiting, new Update().set(next, due), Preferences.class)
				.onErrorResume(org.springframework.dao.DuplicateKeyException.class, (alreadyDue) -> Mono.empty())
				.then();
		});
	}

	Duration period(Delivery frequency) {
		return (frequency == Delivery.DAILY) ? this.mail.dailyDigest() : this.mail.weeklyDigest();
	}

	/** Members whose digest of this frequency is due. */
	Flux<Preferences> dueDigests(Delivery frequency) {
		String next = (frequency == Delivery.DAILY) ? "nextDailyAt" : "nextWeeklyAt";
		return this.mongo.find(Query.query(Criteria.where(next).lte(this.clock.instant())), Preferences.class);
	}

	/** The digest due at {@code due} is scheduled: it covers up to then, and nothing waits for the next one yet. */
	Mono<Void> digestScheduled(String userId, Delivery frequency, Instant due) {
		String next = (frequency == Delivery.DAILY) ? "nextDailyAt" : "nextWeeklyAt";
		String last = (frequency == Delivery.DAILY) ? "lastDailyAt" : "lastWeeklyAt";
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and(next).is(due)),
				new Update().set(last, due).unset(next), Preferences.class).then();
	}

}
