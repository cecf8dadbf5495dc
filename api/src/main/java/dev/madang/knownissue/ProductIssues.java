package dev.madang.knownissue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.problem.ProblemException;
import dev.madang.security.AccessRules;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Marking questions (one, or a question and its duplicates) as a known issue or feature request and moving it
 * through its lifecycle. Each change is one conditional write carrying its {@code product-issue.changed} event, from
 * which the watchers of those questions hear of it. A question belongs to at most one.
 */
@Service
public class ProductIssues {

	static final int MOST_THREADS = 50;

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final Outbox outbox;

	private final Clock clock;

	ProductIssues(ReactiveMongoTemplate mongo, ThreadService threads, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.threads = threads;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** What staff send to mark questions. */
	public record Marking(String kind, String status, List<String> threadIds, String title, String fixedIn,
			String note) {
	}

	/** What staff send to change the status. */
	public record StatusUpdate(String status, String fixedIn, String note) {
	}

	public Mono<ProductIssue> mark(CurrentUser staff, Marking marking) {
		return requireStaff(staff).then(Mono.defer(() -> {
			IssueKind kind = IssueKind.of(marking.kind());
			String status = kind.checked((marking.status() == null) ? kind.statuses().get(0) : marking.status(),
					marking.fixedIn());
			List<String> ids = new ArrayList<>(new LinkedHashSet<>((marking.threadIds() == null) ? List.of()
					: marking.threadIds()));
			if (ids.isEmpty() || ids.size() > MOST_THREADS) {
				return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "issue-threads", "Questions needed",
						"Name between 1 and " + MOST_THREADS + " questions (threadIds)."));
			}
			return Flux.fromIterable(ids).concatMap(this.threads::find).collectList()
				.flatMap((found) -> alreadyMarked(ids).flatMap((marked) -> {
					if (marked) {
						return Mono.error(new ProblemException(HttpStatus.CONFLICT, "already-marked", "Already marked",
								"One of these questions is marked already: change that one's status instead."));
					}
					ForumThread first = found.get(0);
					String title = (marking.title() == null || marking.title().isBlank()) ? first.getTitle()
							: marking.title().strip();
					Instant now = this.clock.instant();
					ProductIssue issue = ProductIssue.mark(kind, status, marking.fixedIn(), marking.note(), title,
							first.getProductArea(), ids, staff.id(), now);
					return this.outbox.insertAndRelay(issue, (id) -> List.of(changed(id, issue, null, staff.id(), now)));
				}));
		}));
	}

	public Mono<ProductIssue> change(CurrentUser staff, String id, StatusUpdate update) {
		return requireStaff(staff).then(find(id)).flatMap((issue) -> {
			Long read = issue.getVersion();
			String status = issue.getKind().checked(update.status(), update.fixedIn());
			String before = issue.getStatus();
			Instant now = this.clock.instant();
			issue.change(status, update.fixedIn(), update.note(), staff.id(), now);
			DomainEvent event = changed(id, issue, before, staff.id(), now);
			Update write = new Update().set("status", issue.getStatus())
				.set("fixedIn", issue.getFixedIn())
				.set("note", issue.getNote())
				.set("open", issue.isOpen())
				.set("updatedAt", now)
				.push("history", issue.getHistory().get(issue.getHistory().size() - 1))
				.inc("version", 1);
			// Changed only from the status it was read with: two staff racing get one change and one 409.
			Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(read));
			return this.mongo.findAndModify(unchanged, Outbox.with(write, event),
					FindAndModifyOptions.options().returnNew(true), ProductIssue.class)
				.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "issue-changed",
						"Changed meanwhile", "Someone changed this status a moment ago; reload and try again.")))
				.flatMap((saved) -> this.outbox.relay(ProductIssue.class, id, event).thenReturn(saved));
		});
	}

	public Mono<ProductIssue> find(String id) {
		return this.mongo.findById(id, ProductIssue.class).switchIfEmpty(Mono.error(() -> new ProblemException(
				HttpStatus.NOT_FOUND, "issue-not-found", "Not found", "No known issue or feature request " + id + ".")));
	}

	/** The known issue or feature request a question belongs to, if any. */
	public Mono<ProductIssue> forThread(String threadId) {
		return this.mongo.findOne(Query.query(Criteria.where("threadIds").is(threadId)), ProductIssue.class);
	}

	/** The open ones, newest change first; of one area when {@code area} is given. */
	public Flux<ProductIssue> open(String area) {
		Criteria open = Criteria.where("open").is(true);
		if (area != null && !area.isBlank()) {
			open = open.and("area").is(area);
		}
		return this.mongo.find(Query.query(open).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(50),
				ProductIssue.class);
	}

	public Flux<ProductIssue> all() {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(200),
				ProductIssue.class);
	}

	private Mono<Boolean> alreadyMarked(List<String> threadIds) {
		return this.mongo.exists(Query.query(Criteria.where("threadIds").in(threadIds)), ProductIssue.class);
	}

	private static Mono<Void> requireStaff(CurrentUser user) {
		return (user != null && AccessRules.isStaff(user)) ? Mono.empty()
				: Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "staff-only", "Staff only",
						"Only staff and moderators mark known issues and feature requests."));
	}

	private static DomainEvent changed(String id, ProductIssue issue, String before, String actorId, Instant now) {
		return DomainEvent.of(EventType.PRODUCT_ISSUE_CHANGED, id, issue.getThreadIds().get(0), actorId, now, "kind",
				issue.getKind().id(), "status", issue.getStatus(), "before", before, "fixedIn", issue.getFixedIn(),
				"note", issue.getNote(), "title", issue.getTitle(), "threadIds", issue.getThreadIds(), "area",
				issue.getArea());
	}

}
