package dev.madang.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.madang.answer.Answer;
import dev.madang.knowledge.Article;
import dev.madang.knowledge.PublishedVersion;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Searchable;
import dev.madang.search.index.PostDocument;
import dev.madang.thread.ForumThread;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the search index holds: for a question, its text, its accepted answer as the solution and its other visible
 * answers, or a removal for a deleted question; for a knowledge-base article, its published version, or a removal
 * while it has none or is archived — each at the source document's version.
 */
@Component
class SearchDocuments {

	/** The most answer text one question's document carries besides its solution. */
	private static final int MAX_ANSWERS_TEXT = 30_000;

	private final ReactiveMongoTemplate mongo;

	SearchDocuments(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The documents of a batch of threads or articles (one kind per batch). */
	Mono<List<PostDocument>> of(List<? extends Searchable> batch) {
		if (!batch.isEmpty() && batch.get(0) instanceof Article) {
			return Mono.just(batch.stream().map((article) -> toDocument((Article) article)).toList());
		}
		return threads(batch.stream().map(ForumThread.class::cast).toList());
	}

	private static PostDocument toDocument(Article article) {
		if (!article.isPublic()) {
			return PostDocument.removal(article.getId(), article.getVersion());
		}
		PublishedVersion published = article.getPublished();
		return PostDocument.article(article.getId(), article.getVersion(), published.title(),
				MarkdownRenderer.plainText(published.body(), "markdown"), published.tags(), article.getProductArea(),
				article.getLocale(), published.publishedAt());
	}

	/** The documents of a batch of threads, with their answers read in one query. */
	private Mono<List<PostDocument>> threads(List<ForumThread> threads) {
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
			.map(SearchDocuments::text).findFirst().orElse(null);
		String others = answers.stream().filter((answer) -> !answer.getId().equals(thread.getAcceptedAnswerId()))
			.map(SearchDocuments::text).collect(Collectors.joining("\n\n"));
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
