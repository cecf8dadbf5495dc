package dev.madang.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Turns the event log into notifications: a new answer or comment tells the thread's watchers (and the asker and
 * the post's author, who may predate watches), an acceptance or a staff-marked solution tells the answer's author.
 * Nobody hears of their own action; members who muted a thread hear nothing of it. Taking part watches the thread.
 * Starts at the log's head (history is not news) and skips imported posts. Idempotent: the inbox keeps each event once.
 */
@Component
class Notifier implements EventConsumer {

	private final Watches watches;

	private final Inbox inbox;

	Notifier(Watches watches, Inbox inbox) {
		this.watches = watches;
		this.inbox = inbox;
	}

	@Override
	public String name() {
		return "notifications";
	}

	@Override
	public boolean startsFromFirstEvent() {
		return false;
	}

	@Override
	public boolean wants(DomainEvent event) {
		return event.is(EventType.QUESTION_ASKED, EventType.ANSWER_POSTED, EventType.COMMENT_POSTED,
				EventType.ANSWER_ACCEPTED, EventType.SOLUTION_MARKED) && event.text("imported") == null;
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return Flux.fromIterable(events).concatMap(this::take).then();
	}

	private Mono<Void> take(DomainEvent event) {
		return switch (event.type()) {
			case EventType.QUESTION_ASKED -> this.watches.takePart(event.actorId(), event.threadId());
			case EventType.ANSWER_POSTED -> tellWatchers(event, "answer", event.text("askerId"), null)
				.then(this.watches.takePart(event.actorId(), event.threadId()));
			case EventType.COMMENT_POSTED -> tellWatchers(event, "comment", event.text("askerId"),
					event.text("postAuthorId"))
				.then(this.watches.takePart(event.actorId(), event.threadId()));
			default -> tell(event.text("answerAuthorId"), event,
					event.is(EventType.SOLUTION_MARKED) ? "solution" : "accepted");
		};
	}

	private Mono<Void> tellWatchers(DomainEvent event, String kind, String asker, String postAuthor) {
		// A held post is not news until a moderator approves it.
		if (event.text("held") != null) {
			return Mono.empty();
		}
		return this.watches.of(event.threadId()).flatMap((levels) -> {
			Set<String> recipients = new LinkedHashSet<>(levels.watching());
			if (asker != null) {
				recipients.add(asker);
			}
			if (postAuthor != null) {
				recipients.add(postAuthor);
			}
			recipients.removeAll(levels.muted());
			recipients.remove(event.actorId());
			return Flux.fromIterable(recipients)
				.concatMap((userId) -> this.inbox.add(userId, kind, event.threadId(), event.subject(), event.id(),
						event.actorId(), event.at()))
				.then();
		});
	}

	private Mono<Void> tell(String userId, DomainEvent event, String kind) {
		if (userId == null || userId.equals(event.actorId())) {
			return Mono.empty();
		}
		return this.inbox.add(userId, kind, event.threadId(), event.subject(), event.id(), event.actorId(), event.at());
	}

}
