package dev.madang.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import dev.madang.search.insight.InsightIndex;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the insights rollup ({@code insight_questions}, one {@link QuestionFacts} per question) from the event log
 * and copies what changed to the insights index. A new log is read from its first event, which is how history is
 * backfilled; each question's facts remember the last event applied, so a batch delivered again changes nothing. A
 * batch whose index write fails is retried whole: the facts are saved already and stay marked for indexing.
 */
@Component
class InsightRollup implements EventConsumer {

	static final Set<String> FOLDED = Set.of(EventType.QUESTION_ASKED, EventType.QUESTION_EDITED,
			EventType.QUESTION_MOVED, EventType.QUESTION_DELETED, EventType.QUESTION_UNDELETED,
			EventType.QUESTION_CLOSED, EventType.QUESTION_REOPENED, EventType.QUESTION_MERGED,
			EventType.QUESTION_UNMERGED, EventType.POST_HIDDEN, EventType.POST_RELEASED, EventType.ANSWER_POSTED,
			EventType.COMMENT_POSTED, EventType.ANSWER_DELETED, EventType.ANSWER_UNDELETED, EventType.ANSWER_ACCEPTED,
			EventType.SOLUTION_MARKED, EventType.ME_TOO, EventType.VOTE_CAST, EventType.VOTE_RETRACTED,
			EventType.QUESTION_VIEWED);

	private final ReactiveMongoTemplate mongo;

	private final FactsIndexing indexing;

	InsightRollup(ReactiveMongoTemplate mongo, FactsIndexing indexing) {
		this.mongo = mongo;
		this.indexing = indexing;
	}

	static final String NAME = "insights";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean wants(DomainEvent event) {
		if (event.is(EventType.QUESTIONS_IMPORTED)) {
			return event.text("importKeyPattern") != null && event.text("area") != null;
		}
		if (event.is(EventType.ARTICLE_RATED, EventType.ARTICLE_DEFLECTED, EventType.SEARCHES_COUNTED,
				EventType.SURVEY_ANSWERED)) {
			return true;
		}
		if (event.is(EventType.VOTE_CAST, EventType.VOTE_RETRACTED)) {
			return "QUESTION".equals(event.text("postType")) && event.threadId() != null;
		}
		return event.threadId() != null && FOLDED.contains(event.type());
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return load(concerned(events)).flatMap((facts) -> {
			Set<QuestionFacts> changed = new HashSet<>();
			List<DomainEvent> filings = new ArrayList<>();
			List<InsightIndex.FactsDocument> readings = new ArrayList<>();
			for (DomainEvent event : events) {
				InsightIndex.FactsDocument reading = SelfServiceFacts.of(event);
				if (reading != null) {
					readings.add(reading);
				}
				else if (event.is(EventType.QUESTIONS_IMPORTED)) {
					filings.add(event);
					fileUnder(facts.values(), event, changed);
				}
				else {
					fold(event, facts, changed);
				}
			}
			return Flux.fromIterable(changed).concatMap(this.mongo::save).then()
				.then(Flux.fromIterable(filings).concatMap(this::fileStored).then())
				.then(this.indexing.index(facts.values().stream().filter((each) -> each.indexPending).toList()))
				.then(this.indexing.indexReadings(readings))
				.then(filings.isEmpty() ? Mono.empty() : this.indexing.drainPending());
		});
	}

	private static void fold(DomainEvent event, Map<String, QuestionFacts> facts, Set<QuestionFacts> changed) {
		QuestionFacts question = facts.get(event.threadId());
		long before = question.seq;
		if (event.is(EventType.QUESTION_MERGED) && event.text("target") != null) {
			QuestionFacts target = facts.get(event.text("target"));
			List<String> moved = new ArrayList<>(event.texts("answerIds"));
			moved.addAll(event.texts("commentIds"));
			if (target.takeResponses(event, question.responsesAmong(moved))) {
				changed.add(target);
			}
		}
		if (event.is(EventType.QUESTION_UNMERGED) && event.text("before") != null) {
			QuestionFacts target = facts.get(event.text("before"));
			if (target.giveBack(event, question.id) || target.indexPending) {
				changed.add(target);
			}
		}
		question.apply(event);
		if (question.seq != before) {
			changed.add(question);
		}
	}

	/** Demo questions filed under an area after their import: those of the batch already loaded. */
	private static void fileUnder(Collection<QuestionFacts> loaded, DomainEvent event, Set<QuestionFacts> changed) {
		Pattern keys = Pattern.compile(event.text("importKeyPattern"));
		for (QuestionFacts facts : loaded) {
			if (facts.area == null && facts.importKey != null && keys.matcher(facts.importKey).find()) {
				facts.area = event.text("area");
				facts.changed();
				changed.add(facts);
			}
		}
	}

	/** The same filing for the stored facts (setting an area only where there is none, so it is safe to repeat). */
	private Mono<Void> fileStored(DomainEvent event) {
		return this.mongo.updateMulti(Query.query(Criteria.where("importKey").regex(event.text("importKeyPattern"))
			.and("area").is(null)), new Update().set("area", event.text("area")).set("indexPending", true).inc("version", 1),
				QuestionFacts.class).then();
	}

	private static Set<String> concerned(List<DomainEvent> events) {
		Set<String> ids = new HashSet<>();
		for (DomainEvent event : events) {
			if (event.threadId() != null) {
				ids.add(event.threadId());
			}
			if (event.is(EventType.QUESTION_MERGED) && event.text("target") != null) {
				ids.add(event.text("target"));
			}
			if (event.is(EventType.QUESTION_UNMERGED) && event.text("before") != null) {
				ids.add(event.text("before"));
			}
		}
		return ids;
	}

	/** The stored facts of these questions, with new ones for those not seen yet. */
	private Mono<Map<String, QuestionFacts>> load(Set<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), QuestionFacts.class)
			.collectMap((facts) -> facts.id, (facts) -> facts, LinkedHashMap::new)
			.map((found) -> {
				ids.forEach((id) -> found.computeIfAbsent(id, QuestionFacts::of));
				return found;
			});
	}

}
