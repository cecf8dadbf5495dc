package dev.madang.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import dev.madang.identity.AccountService;
import dev.madang.identity.CurrentUser;
import dev.madang.security.AccessRules;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Brings new posts to the review queue from the event log: a post the spam rules held, and a new member's first
 * posts. Opening an item twice keeps one, so a replayed batch changes nothing. Starts at the log's head: history
 * (imports) is not reviewed.
 */
@Component
class ReviewIntake implements EventConsumer {

	private final ReviewQueue queue;

	private final ModeratedPosts posts;

	private final SpamScreen screen;

	private final AccountService accounts;

	private final ModerationProperties settings;

	private final Clock clock;

	ReviewIntake(ReviewQueue queue, ModeratedPosts posts, SpamScreen screen, AccountService accounts,
			ModerationProperties settings, Clock clock) {
		this.clock = clock;
		this.queue = queue;
		this.posts = posts;
		this.screen = screen;
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public String name() {
		return "review-intake";
	}

	@Override
	public boolean startsFromFirstEvent() {
		return false;
	}

	@Override
	public boolean wants(DomainEvent event) {
		// Imported posts (the demo, a Stack Exchange dump) were reviewed where they came from.
		return event.is(EventType.QUESTION_ASKED, EventType.ANSWER_POSTED, EventType.COMMENT_POSTED)
				&& event.text("imported") == null;
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return Flux.fromIterable(events).concatMap(this::take).then();
	}

	private Mono<Void> take(DomainEvent event) {
		PostRef ref = new PostRef(postType(event), event.subject());
		String held = event.text("held");
		if (held != null) {
			return this.posts.find(ref)
				.flatMap((post) -> this.queue.open(ReviewKind.HELD, post, Map.of("rules", held)))
				.then();
		}
		return isStaff(event.actorId()).flatMap((staff) -> staff ? Mono.empty()
				: this.screen.postsBy(event.actorId())
					.filter((count) -> count > 0 && count <= this.settings.newMembers().firstPostsReviewed())
					.flatMap((count) -> this.posts.find(ref))
					.flatMap((post) -> this.queue.open(ReviewKind.FIRST_POST, post, Map.of())))
			.then();
	}

	/** Staff by the same rule that spares their posts the spam screen (an unknown author is not reviewed either). */
	private Mono<Boolean> isStaff(String userId) {
		return this.accounts.find(userId)
			.map((account) -> AccessRules.isStaff(CurrentUser.of(account, this.clock.instant())))
			.onErrorReturn(true);
	}

	private static String postType(DomainEvent event) {
		return switch (event.type()) {
			case EventType.QUESTION_ASKED -> "question";
			case EventType.ANSWER_POSTED -> "answer";
			default -> "comment";
		};
	}

}
