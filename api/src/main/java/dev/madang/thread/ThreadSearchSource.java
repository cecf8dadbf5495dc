package dev.madang.thread;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.madang.events.DomainEvent;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.MongoSearchSource;
import dev.madang.post.Searchable;
import dev.madang.search.index.PostDocument;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Threads as the search index holds them: the question's text, its accepted answer as the solution and its other
 * visible answers, or a removal for a question readers cannot see or that duplicates another, at the thread's version. Any event about a thread changes it.
 */
@Component
@Order(1)
class ThreadSearchSource extends MongoSearchSource {

	/** The most answer text one question's document carries besides its solution. */
	private static final int MAX_ANSWERS_TEXT = 30_000;

	private final AnswerTexts answers;

	ThreadSearchSource(ReactiveMongoTemplate mongo, AnswerTexts answers) {
		super(mongo, ForumThread.class);
		this.answers = answers;
	}

	@Override
	public Collection<String> changedBy(DomainEvent event) {
		if (event.threadId() == null) {
			return Set.of();
		}
		// A merge changes its target too.
		String target = event.text("target");
		return (target != null) ? Set.of(event.threadId(), target) : Set.of(event.threadId());
	}

	/** The documents of a batch of threads, with their answers read in one query. */
	@Override
	public Mono<List<PostDocument>> documents(List<? extends Searchable> batch) {
		List<ForumThread> threads = cast(batch);
		return answersOf(threads).map((found) -> threads.stream()
			.map((thread) -> toDocument(thread, found.getOrDefault(thread.getId(), List.of())))
			.toList());
	}

	private Mono<Map<String, List<AnswerTexts.AnswerText>>> answersOf(List<ForumThread> threads) {
		return this.answers.visible(threads.stream().filter(ThreadSearchSource::searchable)
			.flatMap((thread) -> thread.getAnswerIds().stream()).toList());
	}

	/**
	 * In the index while every reader may see it and it is not a duplicate: a search then finds the question a
	 * duplicate points to instead of the duplicate.
	 */
	private static boolean searchable(ForumThread thread) {
		return thread.isPublic() && (thread.getClosure() == null || !thread.getClosure().isDuplicate());
	}

	private static PostDocument toDocument(ForumThread thread, Collection<AnswerTexts.AnswerText> answers) {
		if (!searchable(thread)) {
			return PostDocument.removal(thread.getId(), thread.getVersion());
		}
		String solution = answers.stream().filter((answer) -> answer.answerId().equals(thread.getAcceptedAnswerId()))
			.map(AnswerTexts.AnswerText::text).findFirst().orElse(null);
		String others = answers.stream().filter((answer) -> !answer.answerId().equals(thread.getAcceptedAnswerId()))
			.map(AnswerTexts.AnswerText::text).collect(Collectors.joining("\n\n"));
		return PostDocument.question(thread.getId(), thread.getVersion(), thread.getTitle(),
				MarkdownRenderer.plainText(thread.getBody(), thread.getBodyFormat()), solution,
				(others.length() > MAX_ANSWERS_TEXT) ? others.substring(0, MAX_ANSWERS_TEXT) : others, thread.getTags(),
				thread.getProductArea(), thread.getStatus().name().toLowerCase(Locale.ROOT),
				thread.getAcceptedAnswerId() != null, thread.getScore(), thread.getAnswerCount(), thread.getCreatedAt());
	}

}
