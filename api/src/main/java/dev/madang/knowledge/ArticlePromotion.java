package dev.madang.knowledge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.CurrentUser;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Language;
import dev.madang.problem.ProblemException;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Promoting a solved thread into a draft article (the question as title, the accepted answer and the chosen others as
 * body, their authors credited on first publication), and translations: a draft copy in the other language, linked
 * both ways.
 */
@Component
public class ArticlePromotion {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final AnswerService answers;

	private final MarkdownRenderer markdown;

	private final Outbox outbox;

	private final Clock clock;

	private final KnowledgeBase knowledgeBase;

	ArticlePromotion(ReactiveMongoTemplate mongo, ThreadService threads, AnswerService answers, MarkdownRenderer markdown, Outbox outbox, Clock clock, KnowledgeBase knowledgeBase) {
		this.mongo = mongo;
		this.threads = threads;
		this.answers = answers;
		this.markdown = markdown;
		this.outbox = outbox;
		this.clock = clock;
		this.knowledgeBase = knowledgeBase;
	}

	/**
	 * A draft from a solved thread: the question as title, the accepted answer (then the chosen others) as body, the
	 * thread's tags and product area, the answers' authors credited. One article per thread and language.
	 */
	public Mono<Article> promote(CurrentUser staff, String threadId, Promotion request) {
		return KnowledgeBase.requireStaff(staff).then(this.threads.find(threadId)).flatMap((thread) -> {
			if (thread.isDeleted()) {
				return Mono.error(new dev.madang.thread.ThreadNotFoundException(threadId));
			}
			if (thread.getAcceptedAnswerId() == null) {
				return Mono.error(new ProblemException(HttpStatus.CONFLICT, "thread-not-solved", "Thread not solved",
						"Only a thread with an accepted or staff-marked answer can be promoted."));
			}
			String locale = (request.locale() != null) ? request.locale() : Language.of(thread.getTitle());
			List<String> answerIds = new ArrayList<>(new LinkedHashSet<>(concat(thread.getAcceptedAnswerId(),
					request.extraAnswers())));
			return requireNotPromoted(thread, locale)
				.thenMany(Flux.fromIterable(answerIds).concatMap((answerId) -> this.answers.findIn(threadId, answerId)))
				.collectList()
				.flatMap((chosen) -> create(staff, thread, chosen, locale));
		});
	}

	private Mono<Article> create(CurrentUser staff, ForumThread thread, List<Answer> chosen, String locale) {
		if (chosen.stream().anyMatch(Answer::isDeleted)) {
			return Mono.error(dev.madang.post.PostProblems.deleted());
		}
		List<ArticleSource> sources = new ArrayList<>();
		sources.add(new ArticleSource(thread.getId(), thread.getId(), "question", thread.getAuthorId(),
				Math.max(1, thread.getRevision())));
		chosen.forEach((answer) -> sources.add(new ArticleSource(thread.getId(), answer.getId(), "answer",
				answer.getAuthorId(), Math.max(1, answer.getRevision()))));
		String body = String.join("\n\n---\n\n", chosen.stream()
			.map((answer) -> MarkdownRenderer.toMarkdown(answer.getBody(), answer.getBodyFormat()))
			.toList());
		List<String> credits = chosen.stream().map(Answer::getAuthorId).filter(Objects::nonNull).distinct().toList();
		Article article = new Article(locale, thread.getTitle(), body, this.markdown.toSafeHtml(body), thread.getTags(),
				thread.getProductArea(), sources, credits, staff.id(), this.clock.instant());
		String id = new ObjectId().toHexString();
		article.assign(id, Map.of(locale, id));
		// The thread's link first: a link to an article that was never stored is ignored, an article the thread does
		// not know would be invisible from it.
		DomainEvent promoted = DomainEvent.of(EventType.ARTICLE_PROMOTED, id, thread.getId(), staff.id(),
				this.clock.instant(), "answerIds", chosen.stream().map(Answer::getId).toList(), "credits", credits,
				"locale", locale, "area", thread.getProductArea());
		return this.threads.linkArticle(thread.getId(), id)
			.then(this.outbox.insertAndRelay(article, (stored) -> List.of(promoted)));
	}

	private Mono<Void> requireNotPromoted(ForumThread thread, String locale) {
		return this.knowledgeBase.byIds(thread.getArticleIds())
			.filter((article) -> locale.equals(article.getLocale()) && article.getStatus() != ArticleStatus.ARCHIVED)
			.next()
			.flatMap((existing) -> Mono.<Void>error(new ProblemException(HttpStatus.CONFLICT, "already-promoted",
					"Already in the knowledge base", "This thread is already article " + existing.getId() + " in "
							+ locale + ".")));
	}

	/**
	 * A draft copy of the article in the other language, linked to it as its translation (each article lists all of
	 * them); the text is the original's, for the translator to replace.
	 */
	public Mono<Article> translate(CurrentUser staff, String id, String locale) {
		return KnowledgeBase.requireStaff(staff).then(this.knowledgeBase.find(id)).flatMap((original) -> {
			if (original.getTranslations().containsKey(locale) || locale.equals(original.getLocale())) {
				return Mono.error(new ProblemException(HttpStatus.CONFLICT, "translation-exists",
						"Translation exists", "This article already has a version in " + locale + "."));
			}
			Article copy = new Article(locale, original.getTitle(), original.getBody(), original.getBodyHtml(),
					original.getTags(), original.getProductArea(), original.getSources(), original.getCredits(),
					staff.id(), this.clock.instant());
			String copyId = new ObjectId().toHexString();
			Map<String, String> translations = new java.util.TreeMap<>(original.getTranslations());
			translations.put(original.getLocale(), original.getId());
			translations.put(locale, copyId);
			copy.assign(copyId, translations);
			copy.markCredited();
			// Its threads link it too: their pages show it, and edits of their posts flag it as well.
			Mono<Void> linked = Flux.fromIterable(original.getSources()).map(ArticleSource::threadId).distinct()
				.concatMap((threadId) -> this.threads.linkArticle(threadId, copyId))
				.then();
			return linked.then(this.mongo.insert(copy))
				.flatMap((stored) -> Flux.fromIterable(translations.values())
					.filter((other) -> !other.equals(copyId))
					.concatMap((other) -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(other)),
							new Update().set("translations." + locale, copyId).set("translations." + original.getLocale(),
									original.getId()), Article.class))
					.then(Mono.just(stored)));
		});
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

}
