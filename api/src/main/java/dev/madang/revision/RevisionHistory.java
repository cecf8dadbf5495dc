package dev.madang.revision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.madang.problem.ProblemException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A post's revisions. An edit first keeps the version it replaces (as long as a post is at revision n, its own fields
 * are revision n, so keeping it is always possible and repeating it harmless), then moves the post to n+1 in one
 * atomic update, then keeps n+1. A crash between the steps loses nothing: whatever is missing is the post's current
 * content, which {@link #of} fills in from the post.
 */
@Service
public class RevisionHistory {

	private final ReactiveMongoTemplate mongo;

	RevisionHistory(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Moves a post from revision {@code current} to the next one with {@code update}, if it is still at
	 * {@code current} and matches {@code condition}; another edit saved meanwhile answers 409. Returns the post as it
	 * is after the edit.
	 */
	public <T> Mono<T> revise(Revision current, Class<T> type, Criteria condition, Update update,
			Function<T, Revision> revisionOf) {
		int number = current.number();
		Criteria atRevision = (number == 1)
				? new Criteria().orOperator(Criteria.where("revision").in(0, 1), Criteria.where("revision").exists(false))
				: Criteria.where("revision").is(number);
		Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(current.postId()), atRevision,
				condition));
		return keep(current)
			.then(this.mongo.findAndModify(query, update.set("revision", number + 1),
					FindAndModifyOptions.options().returnNew(true), type))
			.switchIfEmpty(Mono.error(() -> editConflict()))
			.flatMap((edited) -> keep(revisionOf.apply(edited)).thenReturn(edited));
	}

	/** Answers 409 when the editor started from an older revision than the post's. */
	public static Mono<Void> requireBase(Integer baseRevision, int currentRevision) {
		return (baseRevision == null || baseRevision == currentRevision) ? Mono.empty() : Mono.error(editConflict());
	}

	private static ProblemException editConflict() {
		return new ProblemException(HttpStatus.CONFLICT, "edit-conflict", "Edited meanwhile",
				"Someone saved a newer version of this post while you were editing; reload it and apply your change again.");
	}

	/** Stores the revision unless it is stored already. */
	public Mono<Void> keep(Revision revision) {
		return this.mongo.insert(revision).then().onErrorResume(DuplicateKeyException.class, (stored) -> Mono.empty());
	}

	/** Every revision of the post, newest first, each with what it changed; {@code current} is the post as it is now. */
	public Mono<List<RevisionEntry>> of(Revision current) {
		List<String> ids = IntStream.rangeClosed(1, current.number())
			.mapToObj((number) -> Revision.idFor(current.postId(), number))
			.toList();
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Revision.class)
			.filter((stored) -> stored.number() < current.number())
			.concatWith(Flux.just(current))
			.sort(Comparator.comparingInt(Revision::number))
			.collectList()
			.map(RevisionHistory::entries);
	}

	private static List<RevisionEntry> entries(List<Revision> oldestFirst) {
		List<RevisionEntry> entries = new ArrayList<>();
		Revision previous = null;
		for (Revision revision : oldestFirst) {
			RevisionDiff diff = (previous == null) ? RevisionDiff.initial(revision) : RevisionDiff.between(previous, revision);
			entries.add(0, new RevisionEntry(revision, diff));
			previous = revision;
		}
		return entries;
	}

	/** One revision and what it changed from the one before. */
	public record RevisionEntry(Revision revision, RevisionDiff diff) {
	}

}
