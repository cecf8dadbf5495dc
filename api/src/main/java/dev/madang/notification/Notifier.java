package dev.madang.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.comment.CommentService;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import dev.madang.identity.AccountService;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Turns the event log into notices: a new answer or comment tells the thread's watchers (and the asker and the post's
 * author, who may predate watches), an @mention tells the member named, an acceptance, a staff-marked solution or a
 * promotion into the knowledge base tells the answer's author, a new question tells the watchers of its tags and
 * product area, moderators' decisions tell the member they concern, and reputation tells a member which privilege
 * they earned, and admins hear of a webhook switched off. Nobody hears of their own action; members who muted a thread hear nothing of it. Taking part watches
 * the thread. Starts at the log's head (history is not news) and skips imported posts. Idempotent: the inbox keeps
 * each event once, and delivery is scheduled under the notification's id.
 */
@Component
class Notifier implements EventConsumer {

	private final Watches watches;

	private final Deliveries deliveries;

	private final Mentions mentions;

	private final AnswerService answers;

	private final CommentService comments;

	private final AccountService accounts;

	private final AccessRules rules;

	private final dev.madang.thread.MeToo meToo;

	Notifier(Watches watches, Deliveries deliveries, Mentions mentions, AnswerService answers,
			CommentService comments, AccountService accounts, AccessRules rules, dev.madang.thread.MeToo meToo) {
		this.meToo = meToo;
		this.watches = watches;
		this.deliveries = deliveries;
		this.mentions = mentions;
		this.answers = answers;
		this.comments = comments;
		this.accounts = accounts;
		this.rules = rules;
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
				EventType.ANSWER_ACCEPTED, EventType.SOLUTION_MARKED, EventType.ARTICLE_PROMOTED, EventType.POST_HIDDEN,
				EventType.FLAG_RESOLVED, EventType.MEMBER_RESTRICTED, EventType.REPUTATION_CHANGED,
				EventType.WEBHOOK_DISABLED, EventType.PRODUCT_ISSUE_CHANGED)
				&& event.text("imported") == null
				// Reputation an import carried over is history too (the bundled demo has thousands of entries).
				&& !(event.is(EventType.REPUTATION_CHANGED) && event.subject() != null
						&& event.subject().startsWith("import:"));
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return Flux.fromIterable(events).concatMap(this::take).then();
	}

	private Mono<Void> take(DomainEvent event) {
		return switch (event.type()) {
			case EventType.QUESTION_ASKED -> this.watches.takePart(event.actorId(), event.threadId())
				.then(newQuestion(event));
			case EventType.ANSWER_POSTED -> tellWatchers(event, NotificationKind.ANSWER, event.text("askerId"), null)
				.then(mentioned(event, "answer"))
				.then(this.watches.takePart(event.actorId(), event.threadId()));
			case EventType.COMMENT_POSTED -> tellWatchers(event, NotificationKind.COMMENT, event.text("askerId"),
					event.text("postAuthorId"))
				.then(mentioned(event, "comment"))
				.then(this.watches.takePart(event.actorId(), event.threadId()));
			case EventType.ANSWER_ACCEPTED, EventType.SOLUTION_MARKED -> tell(event.text("answerAuthorId"), event,
					event.is(EventType.SOLUTION_MARKED) ? NotificationKind.SOLUTION : NotificationKind.ACCEPTED,
					event.subject(), Map.of());
			case EventType.ARTICLE_PROMOTED -> Flux.fromIterable(event.texts("credits"))
				.concatMap((author) -> tell(author, event, NotificationKind.PROMOTED, event.subject(), Map.of()))
				.then();
			case EventType.POST_HIDDEN -> tell(event.text("postAuthorId"), event, NotificationKind.MODERATION,
					event.subject(), detail("what", "hidden", "postType", event.text("postType"), "reason",
							event.text("reason")));
			case EventType.FLAG_RESOLVED -> "agreed".equals(event.text("outcome"))
					? tell(event.text("flaggerId"), event, NotificationKind.MODERATION, event.text("postId"),
							detail("what", "flag-agreed", "postType", event.text("postType"), "reason",
									event.text("reason")))
					: Mono.empty();
			case EventType.MEMBER_RESTRICTED -> tell(event.subject(), event, NotificationKind.MODERATION, null,
					detail("what", event.text("kind"), "until", event.text("until"), "reason", event.text("reason")));
			case EventType.REPUTATION_CHANGED -> privilegesEarned(event);
			case EventType.PRODUCT_ISSUE_CHANGED -> statusChanged(event);
			case EventType.WEBHOOK_DISABLED -> this.accounts.withRole(dev.madang.identity.Role.ADMIN)
				.concatMap((admin) -> tell(admin, event, NotificationKind.WEBHOOK, null,
						detail("url", event.text("url"), "reason", event.text("reason"))))
				.then();
			default -> Mono.empty();
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
			return Flux.fromIterable(recipients)
				.concatMap((userId) -> tell(userId, event, kind, event.subject(), Map.of()))
				.then();
		});
	}

	/**
	 * A known issue or feature request changed: everyone watching one of its questions, and everyone who said they
	 * have the problem too, hears it once.
	 */
	private Mono<Void> statusChanged(DomainEvent event) {
		Map<String, String> detail = detail("status", event.text("status"), "fixedIn", event.text("fixedIn"), "reason",
				event.text("note"), "issueKind", event.text("kind"));
		return Flux.fromIterable(event.texts("threadIds"))
			.concatMap((threadId) -> this.watches.of(threadId).flatMapMany((levels) -> this.meToo.affected(threadId)
				.concatWithValues(levels.watching().toArray(String[]::new))
				.filter((userId) -> !levels.muted().contains(userId))))
			.distinct()
			.concatMap((userId) -> tell(userId, event, NotificationKind.STATUS, null, detail))
			.then();
	}

	private Mono<Void> newQuestion(DomainEvent event) {
		if (event.text("held") != null) {
			return Mono.empty();
		}
		List<String> topics = new ArrayList<>();
		event.texts("tags").forEach((tag) -> topics.add(Watch.tagTopic(tag)));
		if (event.text("area") != null) {
			topics.add(Watch.areaTopic(event.text("area")));
		}
		if (topics.isEmpty()) {
			return Mono.empty();
		}
		return this.watches.ofTopics(topics)
			.flatMapMany((levels) -> Flux.fromIterable(levels.watching()).filter((userId) -> !levels.muted().contains(userId)))
			.concatMap((userId) -> tell(userId, event, NotificationKind.QUESTION, event.subject(),
					detail("title", event.text("title"))))
			.then();
	}

	/** Members named with @ in the new post; a name nobody has is plain text. */
	private Mono<Void> mentioned(DomainEvent event, String postType) {
		if (event.text("held") != null) {
			return Mono.empty();
		}
		Mono<String> body = "answer".equals(postType) ? this.answers.find(event.subject()).map(Answer::getBody)
				: this.comments.find(event.subject()).map((comment) -> comment.body());
		return body.onErrorResume((gone) -> Mono.empty())
			.flatMapMany((text) -> this.mentions.members(text))
			.concatMap((userId) -> tell(userId, event, NotificationKind.MENTION, event.subject(),
					detail("postType", postType)))
			.then();
	}

	private Mono<Void> privilegesEarned(DomainEvent event) {
		String userId = event.text("userId");
		int amount = event.number("amount");
		if (userId == null || amount <= 0) {
			return Mono.empty();
		}
		return this.accounts.find(userId).onErrorResume((gone) -> Mono.empty()).flatMapMany((account) -> {
			int now = account.getReputation();
			return Flux.fromArray(Privilege.values())
				.filter((privilege) -> this.rules.threshold(privilege) > now - amount
						&& this.rules.threshold(privilege) <= now);
		})
			.concatMap((privilege) -> tell(userId, event, NotificationKind.PRIVILEGE, null,
					detail("privilege", privilege.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
							"reputation", String.valueOf(this.rules.threshold(privilege)))))
			.then();
	}

	private Mono<Void> tell(String userId, DomainEvent event, String kind, String postId, Map<String, String> detail) {
		if (userId == null || userId.equals(event.actorId())) {
			return Mono.empty();
		}
		return this.deliveries.deliver(new Notice(userId, kind, event.threadId(), postId, event.id(), event.actorId(),
				event.at(), detail));
	}

	/** Pairs of name and value; pairs whose value is null are left out. */
	private static Map<String, String> detail(String... pairs) {
		Map<String, String> detail = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				detail.put(pairs[i], pairs[i + 1]);
			}
		}
		return detail;
	}

}
