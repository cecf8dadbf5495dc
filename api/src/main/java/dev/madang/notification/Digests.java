package dev.madang.notification;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Daily and weekly digests: for each member whose digest is due, one email of what happened in what they chose to
 * hear of that way (and what the daily cap held back, once), most active first. The email's id names the member and the
 * period, so a crash between scheduling it and moving the period on schedules it once.
 */
@Component
class Digests {

	private final NotificationSettings settings;

	private final Inbox inbox;

	private final EmailQueue emails;

	Digests(NotificationSettings settings, Inbox inbox, EmailQueue emails) {
		this.settings = settings;
		this.inbox = inbox;
		this.emails = emails;
	}

	Mono<Void> scheduleDue() {
		return Flux.just(Delivery.DAILY, Delivery.WEEKLY)
			.concatMap((frequency) -> this.settings.dueDigests(frequency)
				.concatMap((preferences) -> schedule(preferences, frequency)))
			.then();
	}

	private Mono<Void> schedule(Preferences preferences, Delivery frequency) {
		Instant due = (frequency == Delivery.DAILY) ? preferences.nextDailyAt() : preferences.nextWeeklyAt();
		Instant last = (frequency == Delivery.DAILY) ? preferences.lastDailyAt() : preferences.lastWeeklyAt();
		// The first digest carries everything of its kinds so far; each later one what came since the one before.
		return this.inbox.of(preferences.id())
			.filter((notification) -> (frequency == Delivery.DAILY && Boolean.TRUE.equals(notification.keptForDigest()))
					|| (preferences.of(notification.kind()) == frequency && !notification.lastAt().isAfter(due)
							&& (last == null || notification.lastAt().isAfter(last))))
			.map(Notification::id)
			.collectList()
			.flatMap((ids) -> scheduleEmail(preferences.id(), frequency, due, ids)
				.then(frequency == Delivery.DAILY ? this.inbox.digested(ids) : Mono.empty()))
			.then(this.settings.digestScheduled(preferences.id(), frequency, due));
	}

	private Mono<Void> scheduleEmail(String userId, Delivery frequency, Instant due, List<String> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		return this.emails.scheduleDigest("d:" + frequency.value() + ":" + userId + ":" + due.toEpochMilli(), userId, ids);
	}

}
