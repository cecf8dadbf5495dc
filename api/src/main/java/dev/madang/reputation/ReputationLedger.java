package dev.madang.reputation;

import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.madang.identity.AccountService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Records reputation changes: first the ledger entry (unique per cause), then the user's running total. A change is
 * applied at most once however often it is attempted; a crash between the two steps is repaired by the reconciler.
 */
@Service
public class ReputationLedger {

	private static final String DAILY = "reputation_daily";

	private final ReactiveMongoTemplate mongo;

	private final AccountService accounts;

	private final Clock clock;

	private final ReputationProperties rules;

	private final Outbox outbox;

	ReputationLedger(ReactiveMongoTemplate mongo, AccountService accounts, Clock clock, ReputationProperties rules,
			Outbox outbox) {
		this.outbox = outbox;
		this.mongo = mongo;
		this.accounts = accounts;
		this.clock = clock;
		this.rules = rules;
	}

	public ReputationProperties rules() {
		return this.rules;
	}

	/** Applies {@code amount} to the user once for {@code cause}; zero amounts write nothing. */
	public Mono<Void> record(String cause, String userId, int amount, String reason, String postId, boolean fromVotes) {
		if (amount == 0) {
			return Mono.empty();
		}
		return insertEntry(cause, userId, amount, reason, postId, fromVotes)
			.flatMap((recorded) -> this.accounts.adjustReputation(userId, amount).then(this.outbox.relay(recorded)))
			.onErrorResume(DuplicateKeyException.class, (alreadyApplied) -> Mono.empty())
			.then();
	}

	/**
	 * A corrective entry from the reconciler, with its event; the user's total is then set outright from the ledger, so
	 * this does not move it.
	 */
	public Mono<Void> recordCorrection(String cause, String userId, int amount) {
		return insertEntry(cause, userId, amount, "reconciled", null, false).flatMap(this.outbox::relay)
			.onErrorResume(DuplicateKeyException.class, (alreadyApplied) -> Mono.empty());
	}

	/** The ledger entry with its {@code reputation.changed} event; a repeated cause fails as a duplicate key. */
	private Mono<Outbox.Recorded<ReputationEvent>> insertEntry(String cause, String userId, int amount, String reason,
			String postId, boolean fromVotes) {
		ReputationEvent entry = new ReputationEvent(cause, userId, amount, reason, postId, fromVotes,
				this.clock.instant());
		DomainEvent changed = DomainEvent.of(EventType.REPUTATION_CHANGED, cause, null, null, entry.at(), "userId",
				userId, "amount", amount, "reason", reason, "postId", postId);
		return this.outbox.insert(entry, (id) -> List.of(changed));
	}

	/** Every ledger entry (for the reconciler). */
	public Flux<ReputationEvent> entries() {
		return this.mongo.findAll(ReputationEvent.class);
	}

	/**
	 * Reserves up to {@code wanted} vote points for the user under today's cap (UTC) and returns what was granted.
	 * The day's counter moves by one atomic {@code $inc}, and what could not be granted is given back, so concurrent
	 * votes never grant more than the cap in sum.
	 */
	public Mono<DailyGrant> reserveVotePoints(String userId, int wanted) {
		String day = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).toString();
		Query counter = Query.query(Criteria.where("_id").is(userId + ":" + day));
		return this.mongo
			.findAndModify(counter, new Update().inc("earned", wanted).setOnInsert("userId", userId).setOnInsert("day", day),
					FindAndModifyOptions.options().upsert(true).returnNew(false), org.bson.Document.class, DAILY)
			.map((before) -> before.getInteger("earned", 0))
			.defaultIfEmpty(0)
			.retryWhen(reactor.util.retry.Retry.max(3).filter(DuplicateKeyException.class::isInstance))
			.flatMap((earnedBefore) -> {
				int granted = Math.max(0, Math.min(wanted, this.rules.dailyVoteCap() - earnedBefore));
				Mono<Void> giveBack = (granted == wanted) ? Mono.empty()
						: this.mongo.updateFirst(counter, new Update().inc("earned", granted - wanted), DAILY).then();
				return giveBack.thenReturn(new DailyGrant(granted, day));
			});
	}

	/** Returns vote points granted on {@code day} to that day's cap, when the vote that earned them changes. */
	public Mono<Void> releaseVotePoints(String userId, String day, int points) {
		if (points <= 0 || day == null) {
			return Mono.empty();
		}
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId + ":" + day)),
				new Update().inc("earned", -points), DAILY).then();
	}

	/** Vote points granted under the daily cap, and the day (UTC) they count toward. */
	public record DailyGrant(int points, String day) {
	}

	public Flux<ReputationEvent> history(String userId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId))
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(limit), ReputationEvent.class);
	}

}
