package dev.madang.thread;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.madang.problem.ProblemException;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Question lists: newest, active, unanswered, top; by tag, product area or author; with keyset (cursor) pagination, so pages stay
 * stable while new questions arrive. The cursor carries the last item's sort values and id.
 */
@Service
public class ThreadLists {

	private final ReactiveMongoTemplate mongo;

	ThreadLists(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<ThreadPage> list(ThreadOrder order, ThreadFilter filter, String cursor, int size) {
		List<Criteria> filters = new ArrayList<>();
		filters.add(visible());
		if (present(filter.tag())) {
			filters.add(Criteria.where("tags").is(filter.tag().strip().toLowerCase(java.util.Locale.ROOT)));
		}
		if (present(filter.area())) {
			filters.add(Criteria.where("productArea").is(filter.area().strip()));
		}
		if (present(filter.authorId())) {
			filters.add(Criteria.where("authorId").is(filter.authorId()));
		}
		if (order == ThreadOrder.UNANSWERED) {
			filters.add(Criteria.where("answerCount").is(0));
		}
		if (cursor != null && !cursor.isBlank()) {
			filters.add(after(order, Cursor.decode(cursor)));
		}
		Query query = Query.query(new Criteria().andOperator(filters.toArray(Criteria[]::new)))
			.with(sort(order))
			.limit(size + 1);
		return this.mongo.find(query, ForumThread.class).collectList().map((found) -> {
			boolean more = found.size() > size;
			List<ForumThread> page = more ? found.subList(0, size) : found;
			String next = more ? Cursor.of(order, page.get(page.size() - 1)).encode() : null;
			return new ThreadPage(page.stream().map(ThreadSummary::of).toList(), next);
		});
	}

	/** The questions moderators pinned to the top of a product area, newest first. */
	public Mono<List<ThreadSummary>> pinned(String area) {
		Query query = Query.query(new Criteria().andOperator(visible(), Criteria.where("productArea").is(area),
				Criteria.where("pinned").is(true))).with(sort(ThreadOrder.NEWEST)).limit(10);
		return this.mongo.find(query, ForumThread.class).map(ThreadSummary::of).collectList();
	}

	/**
	 * The newest questions for a reader of {@code language}: those written in it first, then the others (older
	 * threads stored before languages were recorded count as others).
	 */
	public Mono<List<ThreadSummary>> newestInLanguageFirst(String language, int size) {
		Criteria visible = visible();
		return newest(new Criteria().andOperator(visible, Criteria.where("language").is(language)), size)
			.flatMap((own) -> (own.size() >= size) ? Mono.just(own)
					: newest(new Criteria().andOperator(visible, Criteria.where("language").ne(language)),
							size - own.size())
						.map((others) -> {
							List<ThreadSummary> all = new ArrayList<>(own);
							all.addAll(others);
							return all;
						}));
	}

	private Mono<List<ThreadSummary>> newest(Criteria criteria, int size) {
		return this.mongo.find(Query.query(criteria).with(sort(ThreadOrder.NEWEST)).limit(size), ForumThread.class)
			.map(ThreadSummary::of)
			.collectList();
	}

	/** Shown in lists: not deleted, not hidden pending review, not merged into another question. */
	static Criteria visible() {
		return Criteria.where("status").ne(ThreadStatus.DELETED).and("hold").is(null).and("mergedInto").is(null);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static Sort sort(ThreadOrder order) {
		return switch (order) {
			case NEWEST, UNANSWERED -> Sort.by(Sort.Direction.DESC, "createdAt", "_id");
			case ACTIVE -> Sort.by(Sort.Direction.DESC, "lastActivityAt", "_id");
			case TOP -> Sort.by(Sort.Direction.DESC, "score", "createdAt", "_id");
		};
	}

	/** Everything strictly after the cursor in the list's order (all keys descending). */
	private static Criteria after(ThreadOrder order, Cursor cursor) {
		ObjectId id = new ObjectId(cursor.id());
		String timeField = (order == ThreadOrder.ACTIVE) ? "lastActivityAt" : "createdAt";
		Criteria sameTimeOlderId = new Criteria().andOperator(Criteria.where(timeField).is(cursor.time()),
				Criteria.where("_id").lt(id));
		Criteria byTime = new Criteria().orOperator(Criteria.where(timeField).lt(cursor.time()), sameTimeOlderId);
		if (order != ThreadOrder.TOP) {
			return byTime;
		}
		return new Criteria().orOperator(Criteria.where("score").lt(cursor.score()),
				new Criteria().andOperator(Criteria.where("score").is(cursor.score()), byTime));
	}

	/** The last item's sort values: score (top lists), the time the list sorts by, and the id. */
	record Cursor(int score, Instant time, String id) {

		static Cursor of(ThreadOrder order, ForumThread last) {
			Instant time = (order == ThreadOrder.ACTIVE) ? last.getLastActivityAt() : last.getCreatedAt();
			return new Cursor(last.getScore(), time, last.getId());
		}

		String encode() {
			String raw = this.score + "|" + this.time.toEpochMilli() + "|" + this.time.getNano() + "|" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
				Instant time = Instant.ofEpochMilli(Long.parseLong(parts[1]));
				time = time.plusNanos(Long.parseLong(parts[2]) % 1_000_000);
				if (!ObjectId.isValid(parts[3])) {
					throw new IllegalArgumentException("bad id");
				}
				return new Cursor(Integer.parseInt(parts[0]), time, parts[3]);
			}
			catch (RuntimeException ex) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-cursor", "Invalid cursor",
						"The cursor is not one this list returned; start again without it.");
			}
		}

	}

}
