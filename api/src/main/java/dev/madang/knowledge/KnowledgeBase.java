package dev.madang.knowledge;

import dev.madang.reputation.ReputationProperties;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.madang.answer.AnswerService;
import dev.madang.area.ProductAreas;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.Role;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.reputation.ReputationLedger;
import dev.madang.security.AccessRules;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
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
 * The knowledge base's rules: editing the working copy, review, publishing numbered versions, archiving, restoring an
 * old version, and the "source changed" flag; promotion and translations are {@link ArticlePromotion}, the published
 * versions {@link ArticleVersions}. Every change is
 * one conditional update of the article, so racing staff get a 409 instead of overwriting each other.
 */
@Service
public class KnowledgeBase {

	private final ReactiveMongoTemplate mongo;

	private final ThreadService threads;

	private final AnswerService answers;

	private final ReputationLedger ledger;

	private final Outbox outbox;

	private final Clock clock;

	private final int promotionCredit;

	private final ProductAreas areas;

	private final ArticleVersions history;

	private final MarkdownRenderer markdown;

	KnowledgeBase(ReactiveMongoTemplate mongo, ThreadService threads, AnswerService answers, MarkdownRenderer markdown,
			ReputationLedger ledger, Outbox outbox, Clock clock, ReputationProperties reputation, ProductAreas areas,
			ArticleVersions history) {
		this.mongo = mongo;
		this.markdown = markdown;
		this.history = history;
		this.areas = areas;
		this.threads = threads;
		this.answers = answers;
		this.ledger = ledger;
		this.outbox = outbox;
		this.clock = clock;
		this.promotionCredit = reputation.answerPromoted();
	}

	public Flux<Article> byIds(List<String> ids) {
		return ids.isEmpty() ? Flux.empty()
				: this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Article.class);
	}

	public Mono<Article> find(String id) {
		return this.mongo.findById(id, Article.class).switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	/** The article as {@code viewer} (null for anonymous) may read it: unpublished ones only for staff. */
	public Mono<Article> findReadable(String id, CurrentUser viewer) {
		return find(id).filter((article) -> article.isPublic() || isStaff(viewer))
			.switchIfEmpty(Mono.error(() -> notFound(id)));
	}

	/**
	 * Articles newest first: for readers the public ones (optionally in one language and product area); staff may
	 * narrow by status or to those whose source changed.
	 */
	public Flux<Article> list(ArticleFilter filter, CurrentUser viewer, int limit) {
		Criteria criteria = new Criteria();
		List<Criteria> all = new ArrayList<>();
		if (!isStaff(viewer) || filter.publicOnly()) {
			all.add(Criteria.where("published").ne(null));
			all.add(Criteria.where("status").ne(ArticleStatus.ARCHIVED));
		}
		if (filter.status() != null && isStaff(viewer)) {
			all.add(Criteria.where("status").is(filter.status()));
		}
		if (filter.sourceChanged() && isStaff(viewer)) {
			all.add(Criteria.where("sourceChanged").is(true));
		}
		if (filter.locale() != null) {
			all.add(Criteria.where("locale").is(filter.locale()));
		}
		if (filter.area() != null) {
			all.add(Criteria.where("productArea").is(filter.area()));
		}
		if (!all.isEmpty()) {
			criteria.andOperator(all);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit),
				Article.class);
	}

	/**
	 * Saves the working copy; a published article keeps showing its published version until published again. A new
	 * product area must be an open one, as for questions.
	 */
	public Mono<Article> edit(CurrentUser staff, String id, ArticleEdit edit) {
		return requireStaff(staff).then(find(id)).flatMap((article) -> {
			if (article.getStatus() == ArticleStatus.ARCHIVED) {
				return Mono.error(archived());
			}
			if (edit.baseRevision() != null && edit.baseRevision() != article.getRevision()) {
				return Mono.error(editConflict());
			}
			boolean areaChanged = edit.area() != null && !edit.area().isBlank()
					&& !edit.area().strip().equals(article.getProductArea());
			return (areaChanged ? this.areas.requireOpen(edit.area().strip()).then() : Mono.<Void>empty())
				.then(Mono.defer(() -> save(staff, article, edit)));
		});
	}

	private Mono<Article> save(CurrentUser staff, Article article, ArticleEdit edit) {
		String id = article.getId();
		Update update = touched(staff).set("title", edit.title().strip())
			.set("body", edit.body())
			.set("bodyHtml", this.markdown.toSafeHtml(edit.body()))
			.inc("revision", 1);
		if (edit.normalizedTags() != null) {
			update.set("tags", edit.normalizedTags());
		}
		if (edit.area() != null) {
			update.set("productArea", edit.area().isBlank() ? null : edit.area().strip());
		}
		if (article.getStatus() == ArticleStatus.PUBLISHED) {
			update.set("status", ArticleStatus.DRAFT);
		}
		return change(id, Criteria.where("revision").is(article.getRevision()), update, null);
	}

	/** Asks for review: a draft goes to "in review". */
	public Mono<Article> submit(CurrentUser staff, String id) {
		return requireStaff(staff).then(find(id)).flatMap((article) -> {
			if (article.getStatus() != ArticleStatus.DRAFT) {
				return Mono.error(wrongStatus(article, "submitted for review"));
			}
			return change(id, Criteria.where("status").is(ArticleStatus.DRAFT),
					touched(staff).set("status", ArticleStatus.IN_REVIEW), null);
		});
	}

	/**
	 * Publishes the working copy as the next numbered version: readers and search see it from now on. The first
	 * publication gives the credited authors their reputation.
	 */
	public Mono<Article> publish(CurrentUser staff, String id) {
		return requireStaff(staff).then(find(id)).flatMap((article) -> {
			if (article.getStatus() == ArticleStatus.PUBLISHED && !article.hasUnpublishedChanges()) {
				return Mono.just(article);
			}
			Instant now = this.clock.instant();
			int number = article.getPublishedCount() + 1;
			PublishedVersion version = PublishedVersion.of(id, number, article.getTitle(), article.getBody(),
					article.getBodyHtml(), article.getTags(), staff.id(), now);
			Update update = touched(staff).set("published", version)
				.set("publishedCount", number)
				.set("status", ArticleStatus.PUBLISHED)
				.inc("version", 1)
				.set("indexPending", true);
			return this.history.keep(article.getPublished())
				.then(change(id, Criteria.where("revision").is(article.getRevision()).and("publishedCount")
					.is(article.getPublishedCount()), update, articleEvent(EventType.ARTICLE_PUBLISHED, staff, article,
							"number", number)))
				.flatMap((published) -> this.history.keep(published.getPublished()).then(credit(published)).thenReturn(published));
		});
	}

	/** Takes the article off the knowledge base and out of search; publishing it again brings it back. */
	public Mono<Article> archive(CurrentUser staff, String id) {
		return requireStaff(staff).then(find(id)).flatMap((article) -> (article.getStatus() == ArticleStatus.ARCHIVED)
				? Mono.just(article)
				: change(id, Criteria.where("status").ne(ArticleStatus.ARCHIVED), touched(staff)
					.set("status", ArticleStatus.ARCHIVED).inc("version", 1).set("indexPending", true),
						articleEvent(EventType.ARTICLE_ARCHIVED, staff, article)));
	}

	/** Makes an old published version the working copy again (a draft, to be published when ready). */
	public Mono<Article> restore(CurrentUser staff, String id, int number) {
		return requireStaff(staff).then(find(id)).flatMap((article) -> {
			if (article.getStatus() == ArticleStatus.ARCHIVED) {
				return Mono.error(archived());
			}
			return this.history.version(article, number).flatMap((old) -> change(id,
					Criteria.where("revision").is(article.getRevision()),
					touched(staff).set("title", old.title()).set("body", old.body()).set("bodyHtml", old.bodyHtml())
						.set("tags", old.tags()).inc("revision", 1).set("status", ArticleStatus.DRAFT),
					null));
		});
	}

	/** Staff looked at the changed sources: the flag clears and the sources' current revisions count as seen. */
	public Mono<Article> markSourcesReviewed(CurrentUser staff, String id) {
		return requireStaff(staff).then(find(id)).flatMap((article) -> Flux.fromIterable(article.getSources())
			.concatMap((source) -> currentRevision(source)
				.map((revision) -> new ArticleSource(source.threadId(), source.postId(), source.kind(),
						source.authorId(), revision))
				.defaultIfEmpty(source))
			.collectList()
			.flatMap((seen) -> change(id, new Criteria(), touched(staff).set("sources", seen)
				.set("sourceChanged", false).unset("sourceChangedAt"), null)));
	}

	private Mono<Integer> currentRevision(ArticleSource source) {
		Mono<? extends dev.madang.post.Post> post = "question".equals(source.kind()) ? this.threads.find(source.postId())
				: this.answers.find(source.postId());
		return post.map((found) -> Math.max(1, found.getRevision())).onErrorResume(ProblemException.class,
				(gone) -> Mono.empty());
	}

	/** A source post was edited past the revision copied: flags each article made from it. */
	public Mono<Void> sourceEdited(String postId, int revision, List<String> articleIds) {
		return byIds(articleIds)
			.filter((article) -> article.getSources().stream()
				.anyMatch((source) -> source.postId().equals(postId) && source.revision() < revision))
			.concatMap((article) -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(article.getId())),
					new Update().set("sourceChanged", true).set("sourceChangedAt", this.clock.instant()), Article.class))
			.then();
	}

	/** The credited authors' reputation, once per article and author (the ledger's causes are unique). */
	private Mono<Void> credit(Article article) {
		if (article.isCredited() || this.promotionCredit == 0) {
			return Mono.empty();
		}
		return Flux.fromIterable(article.getCredits())
			.concatMap((authorId) -> this.ledger.record("promoted:" + article.getId() + ":" + authorId, authorId,
					this.promotionCredit, "answer promoted to the knowledge base", article.getId(), false))
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(article.getId())),
					new Update().set("credited", true), Article.class))
			.then();
	}

	/**
	 * Applies the update if the article still matches {@code condition}; otherwise someone changed it first (409).
	 * Changes to what readers see carry their event (null for the others), written with the change.
	 */
	private Mono<Article> change(String id, Criteria condition, Update update, DomainEvent event) {
		Query query = Query.query(Criteria.where("_id").is(id)).addCriteria(condition);
		Update recorded = (event != null) ? Outbox.with(update, event) : update;
		return this.mongo.findAndModify(query, recorded, FindAndModifyOptions.options().returnNew(true), Article.class)
			.switchIfEmpty(Mono.defer(() -> find(id).then(Mono.error(editConflict()))))
			.flatMap((changed) -> (event == null) ? Mono.just(changed)
					: this.outbox.relay(Article.class, id, event).thenReturn(changed));
	}

	private DomainEvent articleEvent(String type, CurrentUser staff, Article article, Object... data) {
		List<Object> values = new ArrayList<>(List.of(data));
		values.addAll(List.of("locale", article.getLocale(), "sourceThreadIds",
				article.getSources().stream().map(ArticleSource::threadId).distinct().toList()));
		if (article.getProductArea() != null) {
			values.addAll(List.of("area", article.getProductArea()));
		}
		return DomainEvent.of(type, article.getId(), null, staff.id(), this.clock.instant(), values.toArray());
	}

	private Update touched(CurrentUser staff) {
		return new Update().set("updatedBy", staff.id()).set("updatedAt", this.clock.instant());
	}

	static Mono<Void> requireStaff(CurrentUser user) {
		return isStaff(user) ? Mono.empty()
				: Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
						"Only staff write the knowledge base."));
	}

	public static boolean isStaff(CurrentUser user) {
		return user != null && AccessRules.hasRole(user, Role.STAFF);
	}


	static ProblemException notFound(String id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "article-not-found", "Article not found",
				"No article with id " + id + ".");
	}

	private static ProblemException editConflict() {
		return new ProblemException(HttpStatus.CONFLICT, "edit-conflict", "Edit conflict",
				"The article was changed meanwhile; reload it and apply your change again.");
	}

	private static ProblemException archived() {
		return new ProblemException(HttpStatus.CONFLICT, "article-archived", "Article archived",
				"The article is archived; publish it again to bring it back.");
	}

	private static ProblemException wrongStatus(Article article, String doing) {
		return new ProblemException(HttpStatus.CONFLICT, "article-status", "Not possible now",
				"An article that is " + article.getStatus().id() + " cannot be " + doing + ".");
	}

}
