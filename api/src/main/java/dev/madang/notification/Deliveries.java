package dev.madang.notification;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Puts a notice where the member wants it: nowhere (off), in the inbox, and then by email after the delay or in their
 * daily or weekly digest. Each step is idempotent, so a replayed event schedules nothing twice.
 */
@Service
class Deliveries {

	private final Inbox inbox;

	private final NotificationSettings settings;

	private final EmailQueue emails;

	private final MailProperties mail;

	Deliveries(Inbox inbox, NotificationSettings settings, EmailQueue emails, MailProperties mail) {
		this.inbox = inbox;
		this.settings = settings;
		this.emails = emails;
		this.mail = mail;
	}

	Mono<Void> deliver(Notice notice) {
		return this.settings.of(notice.userId()).flatMap((preferences) -> {
			Delivery delivery = preferences.of(notice.kind());
			if (delivery == Delivery.OFF) {
				return Mono.empty();
			}
			return this.inbox.add(notice).flatMap((notification) -> switch (delivery) {
				case EMAIL -> this.emails.scheduleFor(notice.userId(), notification.id(), this.mail.delay());
				case DAILY, WEEKLY -> this.settings.awaitDigest(notice.userId(), delivery);
				default -> Mono.empty();
			});
		});
	}

}
