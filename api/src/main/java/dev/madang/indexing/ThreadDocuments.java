package dev.madang.indexing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.madang.answer.Answer;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.search.index.PostDocument;
import dev.madang.thread.ForumThread;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the search index holds for questions: the question's text, its accepted answer as the solution and its other
 * visible answers, or a removal for a deleted question — each at the thread's version.
 */
@Component
class ThreadDocuments {

	/** The most answer text one question's document carries besides its solution. */
	private static final int MAX_ANSWERS_TEXT = 30_000;

	private final ReactiveMongoTemplate mongo;

	ThreadDocuments(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The documents of a batch of threads, with their answers read in one query. */
	Mono<List<PostDocument>> of(List<ForumThread> threads) {
		return answersOf(threads).map((answers) -> threads.stream()
			.map((thread) -> toDocument(thread, answers.getOrDefault(thread.getId(), List.of())))
			.toList());
	}

	private Mono<Map<String, Collection<Answer>>> answersOf(List<ForumThread> threads) {
		List<String> ids = threads.stream().filter((thread) -> !thread.isDeleted())
			.flatMap((thread) -> thread.getAnswerIds().stream()).toList();
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Answer.class)
			.filter((answer) -> !answer.isDeleted())
			.collectMultimap(Answer::getThreadId);
	}

	private static PostDocument toDocument(ForumThread thread, Collection<Answer> answers) {
		if (thread.isDeleted()) {
			return PostDocument.removal(thread.getId(), thread.getVersion());
		}
		String solution = answers.stream().filter((answer) -> answer.getId().equals(thread.getAcceptedAnswerId()))
			.map(ThreadDocuments::text).findFirst().orElse(null);
		String others = answers.stream().filter((answer) -> !answer.getId().equals(thread.getAcceptedAnswerId()))
			.map(ThreadDocuments::text).collect(Collectors.joining("\n\n"));
		return PostDocument.question(thread.getId(), thread.getVersion(), thread.getTitle(),
				MarkdownRenderer.plainText(thread.getBody(), thread.getBodyFormat()), solution,
				(others.length() > MAX_ANSWERS_TEXT) ? others.substring(0, MAX_ANSWERS_TEXT) : others, thread.getTags(),
				thread.getProductArea(), thread.getStatus().name().toLowerCase(java.util.Locale.ROOT),
				thread.getAcceptedAnswerId() != null, thread.getScore(), thread.getAnswerCount(), thread.getCreatedAt());
	}

	private static String text(Answer answer) {
		return MarkdownRenderer.plainText(answer.getBody(), answer.getBodyFormat());
	}

}
