package dev.madang.moderation;

import java.time.Clock;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.Restriction;
import dev.madang.post.Hold;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A moderator's decision on a review item: claimed first (so two moderators never decide the same item), then its
 * effects (each harmless to repeat: hiding, showing, removing, lifting), then recorded on the item with its event,
 * only while the claim is still this moderator's. Cut short, the item stays open and deciding again finishes it.
 */
@Service
class ReviewDecisions {

	private final ReviewQueue queue;

	private final ModeratedPosts posts;

	private final Flags flags;

	private final Suspensions suspensions;

	private final SuggestedEdits suggestedEdits;

	private final Clock clock;

	ReviewDecisions(ReviewQueue queue, ModeratedPosts posts, Flags flags, Suspensions suspensions,
			SuggestedEdits suggestedEdits, Clock clock) {
		this.suggestedEdits = suggestedEdits;
		this.queue = queue;
		this.posts = posts;
		this.flags = flags;
		this.suspensions = suspensions;
		this.clock = clock;
	}

	/** What the moderator chose, with the reason shown to the author and, for suspending, how many days. */
	record Decision(String outcome, String reason, Integer days) {
	}

	Mono<ReviewItem> decide(CurrentUser moderator, String itemId, Decision decision) {
		ReviewOutcome outcome = ReviewOutcome.of(decision.outcome());
		return this.queue.find(itemId).flatMap((item) -> {
			if (!item.reviewKind().accepts(outcome)) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "outcome-not-for-kind",
						"Not an outcome for this item", "A " + item.kind() + " item is decided with "
								+ item.reviewKind().outcomes().stream().map(ReviewOutcome::id).sorted().toList() + "."));
			}
			if (outcome == ReviewOutcome.SUSPEND_AUTHOR && (decision.reason() == null || decision.reason().isBlank())) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "restriction-reason-missing",
						"Give a reason", "The member sees the reason for the suspension; say what they did."));
			}
			return this.queue.claim(itemId, moderator.id()).flatMap((claimed) -> (outcome == ReviewOutcome.DEFER)
					? this.queue.release(itemId, moderator.id())
					: apply(moderator, claimed, outcome, decision)
						.then(this.queue.finish(claimed, moderator.id(), outcome, decision.reason())));
		});
	}

	private Mono<Void> apply(CurrentUser moderator, ReviewItem item, ReviewOutcome outcome, Decision decision) {
		String actor = moderator.id();
		return switch (item.reviewKind()) {
			case FLAGGED -> switch (outcome) {
				case DISAGREE -> this.posts.release(item.post(), actor).then(this.flags.decide(item.subject(), actor,
						Flag.DISAGREED));
				case DELETE -> this.posts.remove(item.post(), actor, hold(actor, decision))
					.then(this.flags.decide(item.subject(), actor, Flag.AGREED));
				case SUSPEND_AUTHOR -> agree(item, actor, decision).then(suspendAuthor(moderator, item, decision));
				default -> agree(item, actor, decision);
			};
			case HELD, FIRST_POST -> switch (outcome) {
				case APPROVE -> this.posts.release(item.post(), actor).then();
				case DELETE -> this.posts.remove(item.post(), actor, hold(actor, decision));
				default -> this.posts.hide(item.post(), hold(actor, decision)).then(suspendAuthor(moderator, item, decision));
			};
			case APPEAL, SILENCED -> (outcome == ReviewOutcome.APPROVE)
					? this.suspensions.lift(actor, item.subject(), "appeal granted").then() : Mono.empty();
			case SUGGESTED_EDIT -> (outcome == ReviewOutcome.APPROVE)
					? this.suggestedEdits.apply(moderator, (String) item.details().get("suggestionId"))
					: this.suggestedEdits.reject((String) item.details().get("suggestionId"));
		};
	}

	/** The flags are right: the post stays hidden (hidden now by the moderator if the flags had not hidden it). */
	private Mono<Void> agree(ReviewItem item, String actor, Decision decision) {
		return this.posts.hide(item.post(), hold(actor, decision))
			.then(this.flags.decide(item.subject(), actor, Flag.AGREED));
	}

	private Mono<Void> suspendAuthor(CurrentUser moderator, ReviewItem item, Decision decision) {
		int days = (decision.days() == null) ? 7 : decision.days();
		return this.suspensions.restrict(moderator, item.authorId(), Restriction.SUSPENDED, days, decision.reason())
			.then();
	}

	private Hold hold(String actor, Decision decision) {
		String reason = (decision.reason() == null || decision.reason().isBlank()) ? "moderator" : decision.reason();
		return new Hold(Hold.MODERATOR, reason, actor, this.clock.instant());
	}

}
