package dev.madang.notification;

import dev.madang.lease.JobLease;
import dev.madang.lease.LeasedLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, one instance at a time (a lease): every {@code madang.mail.poll-interval} it schedules due
 * digests, then takes each due email through compose → {@code sending} → SMTP → {@code sent}. An SMTP failure puts the
 * email back with a backoff; a crash leaves it {@code sending}, and it is sent again with the same Message-ID once
 * stalled. Without SMTP settings the email is {@code kept} for the admins' outbox page.
 */
@Component
class EmailRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmailRelay.class);

	private static final String LEASE = "email-relay";

	private final EmailQueue emails;

	private final EmailComposer composer;

	private final Mailer mailer;

	private final Digests digests;

	private final MailProperties mail;

	private final Retention retention;

	private final LeasedLoop loop;

	EmailRelay(EmailQueue emails, EmailComposer composer, Mailer mailer, Digests digests, JobLease lease,
			MailProperties mail, Retention retention) {
		this.retention = retention;
		this.emails = emails;
		this.composer = composer;
		this.mailer = mailer;
		this.digests = digests;
		this.mail = mail;
		this.loop = new LeasedLoop(lease, LEASE, mail.pollInterval(), mail.pollInterval().multipliedBy(5).plusSeconds(30),
				this::round);
	}

	/** One round: digests due, then emails due, then (hourly) what is past keeping. */
	private Mono<Void> round() {
		return this.digests.scheduleDue()
			.then(this.emails.due(100, this.mail.timeout().multipliedBy(3)).concatMap(this::deliver).then())
			.then(this.retention.pruneIfDue());
	}

	private Mono<Void> deliver(Email email) {
		Mono<Email> started = Email.PENDING.equals(email.state())
				? this.composer.compose(email).flatMap((draft) -> (draft.cancelled() != null)
						? this.emails.cancel(email, draft.cancelled()).then(Mono.empty())
						: this.emails.beginSending(email, draft.composed()))
				: this.emails.beginSending(email, null);
		return started.flatMap((sending) -> {
			if (!this.mailer.sends()) {
				return this.emails.finish(sending, Email.KEPT);
			}
			return this.mailer.send(sending)
				.then(this.emails.finish(sending, Email.SENT))
				.onErrorResume((failure) -> {
					log.warn("Email {} not sent, trying again later: {}", sending.id(), failure.toString());
					return this.emails.retryLater(sending, String.valueOf(failure.getMessage()),
							this.mail.retryBackoff());
				});
		}).onErrorResume((failure) -> {
			log.warn("Email {} could not be written, trying again later: {}", email.id(), failure.toString());
			return Email.PENDING.equals(email.state())
					? this.emails.writingFailed(email, failure.toString(), this.mail.retryBackoff()) : Mono.empty();
		});
	}

	@Override
	public void start() {
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop();
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

}
