package dev.madang.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.problem.ProblemException;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Customer effort and loyalty. Once a question is solved its asker is asked, once, "How easy was it to get this
 * solved?" (CES, 1–7); a member is asked "How likely are you to recommend us?" (NPS, 0–10) at most once a calendar
 * quarter, right after a CES answer. An answer or a "not now" takes the one place the survey has
 * ({@code survey_responses}, id {@code ces:<question>} or {@code nps:<member>:<year>-Q<n>}), so it is never asked
 * twice, even by racing requests; an answer carries its {@code survey.answered} event for the owners' figures.
 */
@Service
public class Surveys {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final Outbox outbox;

	private final Clock clock;

	Surveys(ReactiveMongoTemplate mongo, ThreadService threads, Outbox outbox, Clock clock) {
		this.mongo = mongo;
		this.threads = threads;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** What to ask this member now: {@code ces} for a solved question they asked, else {@code nps} if due, or nothing. */
	public Mono<String> due(CurrentUser member, String threadId) {
		if (member == null) {
			return Mono.empty();
		}
		Mono<String> nps = npsDue(member).filter(Boolean::booleanValue).map((due) -> "nps");
		if (threadId == null) {
			return nps;
		}
		return this.threads.find(threadId).onErrorResume((gone) -> Mono.empty())
			.filter((thread) -> askedBy(thread, member) && thread.getSolvedAt() != null)
			.flatMap((thread) -> this.mongo.exists(byId(cesId(threadId)), SurveyResponse.class))
			.flatMap((answered) -> answered ? Mono.<String>empty() : Mono.just("ces"))
			.switchIfEmpty(nps);
	}

	Mono<Boolean> npsDue(CurrentUser member) {
		return this.mongo.exists(byId(npsId(member.id(), this.clock.instant())), SurveyResponse.class).map((seen) -> !seen);
	}

	/** The asker's CES answer (score 1–7), or null for "not now". */
	public Mono<Void> answerEffort(CurrentUser member, String threadId, Integer score) {
		if (score != null && (score < 1 || score > 7)) {
			return Mono.error(badScore("An effort score is from 1 (very difficult) to 7 (very easy)."));
		}
		return this.threads.find(threadId).flatMap((thread) -> {
			if (!askedBy(thread, member)) {
				return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "not-the-asker", "Not the asker",
						"Only the person who asked is asked how easy it was."));
			}
			if (thread.getSolvedAt() == null) {
				return Mono.error(new ProblemException(HttpStatus.CONFLICT, "not-solved", "Not solved yet",
						"This question is not solved yet."));
			}
			return store(new SurveyResponse(cesId(threadId), "ces", member.id(), threadId, thread.getProductArea(), score,
					this.clock.instant()));
		});
	}

	/** The member's NPS answer (0–10), or null for "not now"; {@code threadId} names where it was asked. */
	public Mono<Void> answerLoyalty(CurrentUser member, Integer score, String threadId) {
		if (score != null && (score < 0 || score > 10)) {
			return Mono.error(badScore("A recommendation score is from 0 (not at all likely) to 10 (extremely likely)."));
		}
		Mono<String> area = (threadId == null || threadId.isBlank()) ? Mono.just("")
				: this.threads.find(threadId).map((thread) -> (thread.getProductArea() == null) ? ""
						: thread.getProductArea()).onErrorReturn("");
		Instant now = this.clock.instant();
		return area.flatMap((slug) -> store(new SurveyResponse(npsId(member.id(), now), "nps", member.id(),
				(threadId == null || threadId.isBlank()) ? null : threadId, slug.isEmpty() ? null : slug, score, now)));
	}

	private Mono<Void> store(SurveyResponse response) {
		List<DomainEvent> events = (response.score() == null) ? List.of()
				: List.of(DomainEvent.of(EventType.SURVEY_ANSWERED, response.id(), response.threadId(),
						response.userId(), response.at(), "kind", response.kind(), "score", response.score(), "area",
						response.area()));
		return this.outbox.insertAndRelay(response, (id) -> events).then()
			.onErrorMap(DuplicateKeyException.class, (again) -> new ProblemException(HttpStatus.CONFLICT,
					"already-answered", "Already answered", "This survey was answered already."));
	}

	private static boolean askedBy(ForumThread thread, CurrentUser member) {
		return member != null && member.id().equals(thread.getAuthorId());
	}

	static String cesId(String threadId) {
		return "ces:" + threadId;
	}

	static String npsId(String userId, Instant at) {
		ZonedDateTime day = at.atZone(ZoneOffset.UTC);
		return "nps:" + userId + ":" + day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static ProblemException badScore(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-score", "Invalid score", detail);
	}

}
