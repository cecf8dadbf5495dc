package dev.madang.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.madang.identity.AccountService;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Restriction;
import dev.madang.identity.Role;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Suspending (no writes) and silencing (no new posts) members for 1, 3, 7 or 30 days or for good, lifting it, and
 * the one appeal a member may file against each restriction, which lands in the review queue.
 */
@Service
class Suspensions {

	/** The lengths moderators choose from; 0 is for good. */
	static final Set<Integer> DAYS = Set.of(1, 3, 7, 30, 0);

	private final AccountService accounts;

	private final ReviewQueue queue;

	private final Outbox outbox;

	private final Clock clock;

	Suspensions(AccountService accounts, ReviewQueue queue, Outbox outbox, Clock clock) {
		this.accounts = accounts;
		this.queue = queue;
		this.outbox = outbox;
		this.clock = clock;
	}

	Mono<Restriction> restrict(CurrentUser moderator, String userId, String kind, int days, String reason) {
		if (!Restriction.SUSPENDED.equals(kind) && !Restriction.SILENCED.equals(kind)) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "bad-restriction", "Suspend or silence?",
					"kind is suspended or silenced."));
		}
		if (!DAYS.contains(days)) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "bad-restriction-length", "How long?",
					"days is 1, 3, 7 or 30, or 0 for good."));
		}
		if (reason == null || reason.isBlank()) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "restriction-reason-missing",
					"Give a reason", "The member sees the reason; say what they did."));
		}
		if (userId.equals(moderator.id())) {
			return Mono.error(new ProblemException(HttpStatus.CONFLICT, "restrict-self", "Not yourself",
					"You cannot suspend or silence yourself."));
		}
		return this.accounts.find(userId).flatMap((account) -> {
			boolean staff = account.has(Role.MODERATOR) || account.has(Role.STAFF);
			if (staff && !moderator.has(Role.ADMIN) && !account.has(Role.ADMIN)) {
				return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "restrict-staff", "Staff member",
						"Only an admin suspends or silences a moderator or staff member."));
			}
			Instant now = this.clock.instant();
			Instant until = (days == 0) ? null : now.plus(Duration.ofDays(days));
			Restriction restriction = new Restriction(kind, reason.strip(), until, moderator.id(), now);
			return this.accounts.restrict(userId, restriction).thenReturn(restriction);
		});
	}

	Mono<Boolean> lift(String moderatorId, String userId, String reason) {
		return this.accounts.lift(userId, moderatorId, reason);
	}

	/**
	 * The member's appeal against the restriction in force: one per restriction (a second answers 409), into the
	 * review queue.
	 */
	Mono<ReviewItem> appeal(CurrentUser member, String text) {
		Restriction restriction = member.restriction();
		if (restriction == null) {
			return Mono.error(new ProblemException(HttpStatus.CONFLICT, "not-restricted", "Nothing to appeal",
					"Your account is not suspended or silenced."));
		}
		if (text == null || text.isBlank() || text.length() > 2000) {
			return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "appeal-text", "Say why",
					"Tell the moderators in up to 2,000 characters why the restriction should end."));
		}
		String openKey = ReviewKind.APPEAL.id() + ":" + member.id() + ":" + restriction.at().toEpochMilli();
		Map<String, Object> details = new java.util.HashMap<>();
		details.put("restriction", restriction.kind());
		details.put("restrictionReason", restriction.reason());
		if (restriction.until() != null) {
			details.put("until", restriction.until().toString());
		}
		return this.queue.findByOpenKey(openKey)
			.flatMap((filed) -> Mono.<ReviewItem>error(new ProblemException(HttpStatus.CONFLICT, "already-appealed",
					"Appealed already", "You appealed this restriction already; a moderator will answer it.")))
			.switchIfEmpty(Mono.defer(() -> this.queue.openForMember(ReviewKind.APPEAL, member.id(), text.strip(),
					details, openKey)))
			.flatMap((item) -> this.outbox.publish(DomainEvent.of(EventType.APPEAL_FILED, item.id(), null, member.id(),
					this.clock.instant(), "text", text.strip(), "restriction", restriction.kind())).thenReturn(item));
	}

}
