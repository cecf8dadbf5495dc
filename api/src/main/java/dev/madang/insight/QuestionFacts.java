package dev.madang.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What owners' figures need to know about one question, folded from its events (the insights rollup): when it was
 * asked and by whom, its area and tags, every response by someone other than the asker, when it was solved, its
 * "me too" count, votes and views. {@link #apply} takes one event; {@code seq} is the last event applied, so an
 * event delivered again changes nothing.
 */
@Document("insight_questions")
class QuestionFacts {

	@Id
	String id;

	/** The position of the last event applied: an event at or before it was applied already. */
	long seq;

	/** Counts every change (events and filings alike): the index document's external version. */
	long version;

	boolean indexPending;

	boolean asked;

	String area;

	List<String> tags = List.of();

	String title;

	String language;

	String importKey;

	Instant askedAt;

	String askerId;

	boolean deleted;

	boolean hidden;

	boolean closed;

	String mergedInto;

	List<Response> responses = new ArrayList<>();

	Instant solvedAt;

	int meToo;

	int importedScore;

	Map<String, Integer> voters = new HashMap<>();

	long views;

	/**
	 * An answer or comment by someone other than the asker.
	 *
	 * @param mergedFrom the question it came from with a merge, or null
	 */
	record Response(String id, String kind, Instant at, boolean staff, boolean hidden, boolean deleted,
			String mergedFrom) {

		boolean counts() {
			return !this.hidden && !this.deleted;
		}

		Response hidden(boolean value) {
			return new Response(this.id, this.kind, this.at, this.staff, value, this.deleted, this.mergedFrom);
		}

		Response deleted(boolean value) {
			return new Response(this.id, this.kind, this.at, this.staff, this.hidden, value, this.mergedFrom);
		}

		Response from(String question) {
			return new Response(this.id, this.kind, this.at, this.staff, this.hidden, this.deleted, question);
		}

	}

	static QuestionFacts of(String id) {
		QuestionFacts facts = new QuestionFacts();
		facts.id = id;
		return facts;
	}

	/**
	 * Applies an event about this question (not one that moves responses between questions: see
	 * {@link #takeResponses}); returns false when it was applied before or changes nothing here.
	 */
	boolean apply(DomainEvent event) {
		if (event.seq() <= this.seq) {
			return false;
		}
		boolean changed = change(event);
		this.seq = event.seq();
		changed();
		return changed;
	}

	/** Marks a change for the index. */
	void changed() {
		this.version++;
		this.indexPending = true;
	}

	private boolean change(DomainEvent event) {
		switch (event.type()) {
			case EventType.QUESTION_ASKED -> {
				this.asked = true;
				this.askedAt = event.at();
				this.askerId = event.actorId();
				this.title = event.text("title");
				this.language = event.text("language");
				this.tags = event.texts("tags");
				this.area = event.text("area");
				this.importKey = event.text("imported");
				this.importedScore = event.number("score");
				this.hidden = event.text("held") != null;
			}
			case EventType.QUESTION_EDITED -> {
				// Older edit events did not carry these; then the question keeps what it had.
				if (event.data().containsKey("title")) {
					this.title = event.text("title");
				}
				if (event.data().containsKey("tags")) {
					this.tags = event.texts("tags");
				}
				if (event.data().containsKey("title")) {
					// No area is left out of the data (null values are): the title marks an event that carries it.
					this.area = event.text("area");
				}
			}
			case EventType.QUESTION_MOVED -> this.area = event.text("after");
			case EventType.QUESTION_DELETED -> this.deleted = true;
			case EventType.QUESTION_UNDELETED -> this.deleted = false;
			case EventType.QUESTION_CLOSED -> this.closed = true;
			case EventType.QUESTION_REOPENED -> this.closed = false;
			case EventType.QUESTION_MERGED -> this.mergedInto = event.text("target");
			case EventType.QUESTION_UNMERGED -> this.mergedInto = null;
			case EventType.POST_HIDDEN, EventType.POST_RELEASED -> {
				boolean hide = event.is(EventType.POST_HIDDEN);
				if ("question".equals(event.text("postType"))) {
					this.hidden = hide;
				}
				else {
					replaceResponse(event.subject(), (response) -> response.hidden(hide));
				}
			}
			case EventType.ANSWER_POSTED, EventType.COMMENT_POSTED -> {
				if (event.actorId() != null && event.actorId().equals(this.askerId)) {
					return false;
				}
				if (this.responses.stream().anyMatch((response) -> response.id().equals(event.subject()))) {
					return false;
				}
				this.responses.add(new Response(event.subject(), event.is(EventType.ANSWER_POSTED) ? "answer" : "comment",
						event.at(), Boolean.parseBoolean(event.text("staff")), event.text("held") != null, false, null));
			}
			case EventType.ANSWER_DELETED -> replaceResponse(event.subject(), (response) -> response.deleted(true));
			case EventType.ANSWER_UNDELETED -> replaceResponse(event.subject(), (response) -> response.deleted(false));
			case EventType.ANSWER_ACCEPTED, EventType.SOLUTION_MARKED -> {
				// Re-solving (another answer chosen) keeps the time the question was first solved.
				if (this.solvedAt == null) {
					this.solvedAt = event.at();
				}
			}
			case EventType.ME_TOO -> this.meToo = Math.max(0, this.meToo + ("true".equals(event.text("following")) ? 1 : -1));
			case EventType.VOTE_CAST, EventType.VOTE_RETRACTED -> {
				int value = event.number("value");
				if (value == 0) {
					this.voters.remove(event.actorId());
				}
				else {
					this.voters.put(event.actorId(), value);
				}
			}
			case EventType.QUESTION_VIEWED -> this.views += event.number("views");
			default -> {
				return false;
			}
		}
		return true;
	}

	private void replaceResponse(String id, java.util.function.UnaryOperator<Response> change) {
		this.responses.replaceAll((response) -> response.id().equals(id) ? change.apply(response) : response);
	}

	/** The responses with these ids, as this (merged) question had them, now marked as coming from it. */
	List<Response> responsesAmong(java.util.Collection<String> ids) {
		return this.responses.stream().filter((response) -> ids.contains(response.id()))
			.map((response) -> response.from(this.id)).toList();
	}

	/** A merge brought these responses here ({@code event} the merge); false when it was applied before. */
	boolean takeResponses(DomainEvent event, List<Response> merged) {
		if (event.seq() <= this.seq) {
			return false;
		}
		this.seq = event.seq();
		changed();
		for (Response response : merged) {
			if (this.responses.stream().noneMatch((held) -> held.id().equals(response.id()))) {
				this.responses.add(response);
			}
		}
		return true;
	}

	/** An unmerge took back what came from {@code source}; false when it was applied before. */
	boolean giveBack(DomainEvent event, String source) {
		if (event.seq() <= this.seq) {
			return false;
		}
		this.seq = event.seq();
		changed();
		return this.responses.removeIf((response) -> source.equals(response.mergedFrom()));
	}

	/** Whether the question is in owners' figures: asked, and not deleted, merged away or hidden. */
	boolean counted() {
		return this.asked && !this.deleted && this.mergedInto == null && !this.hidden;
	}

	int votes() {
		return this.importedScore + this.voters.values().stream().mapToInt(Integer::intValue).sum();
	}

	Optional<Instant> firstResponse(Boolean staff) {
		return this.responses.stream()
			.filter(Response::counts)
			.filter((response) -> staff == null || response.staff() == staff)
			.map(Response::at)
			.min(Comparator.naturalOrder());
	}

	int answers() {
		return (int) this.responses.stream().filter((response) -> response.counts() && "answer".equals(response.kind()))
			.count();
	}

	/** The document the insights index holds for this question. */
	Map<String, Object> indexSource() {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("kind", "question");
		source.put("counted", counted());
		source.put("area", this.area);
		source.put("tags", this.tags);
		source.put("title", this.title);
		source.put("language", this.language);
		source.put("closed", this.closed);
		source.put("askedAt", instant(this.askedAt));
		putTime(source, "response", firstResponse(null).orElse(null));
		putTime(source, "communityResponse", firstResponse(false).orElse(null));
		putTime(source, "staffResponse", firstResponse(true).orElse(null));
		putTime(source, "solved", this.solvedAt);
		source.put("meToo", this.meToo);
		source.put("votes", votes());
		source.put("views", this.views);
		source.put("answers", answers());
		return source;
	}

	private void putTime(Map<String, Object> source, String name, Instant at) {
		if (at == null || this.askedAt == null) {
			return;
		}
		source.put(name + "At", instant(at));
		source.put(name + "Minutes", Math.max(0, Duration.between(this.askedAt, at).toMinutes()));
	}

	private static String instant(Instant at) {
		return Objects.toString(at, null);
	}

}
