package dev.madang.knowledge;

import dev.madang.identity.AccountService;
import dev.madang.identity.AdminBootstrap;
import dev.madang.identity.CurrentUser;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The demo's knowledge base: the demo staff account promotes and publishes the best solved imported threads, English
 * and Korean, so a first look at {@code /kb} and at search shows official answers. Skipped without the demo accounts.
 */
@Component
public class DemoArticles {

	private static final Logger log = LoggerFactory.getLogger(DemoArticles.class);

	private static final int PER_SOURCE = 3;

	private final KnowledgeBase knowledgeBase;

	private final AccountService accounts;

	private final ThreadService threads;

	private final ArticlePromotion promotion;

	DemoArticles(KnowledgeBase knowledgeBase, AccountService accounts, ThreadService threads, ArticlePromotion promotion) {
		this.promotion = promotion;
		this.knowledgeBase = knowledgeBase;
		this.accounts = accounts;
		this.threads = threads;
	}

	/** Publishes articles from the threads whose import keys match the patterns (each a source of the demo). */
	public Mono<Void> publish(String... importKeyPatterns) {
		return this.accounts.findByEmail(AdminBootstrap.DEMO_STAFF_EMAIL)
			.map((account) -> CurrentUser.of(account, java.time.Instant.now()))
			.flatMapMany((staff) -> Flux.fromArray(importKeyPatterns)
				.concatMap(this::bestSolved)
				.concatMap((thread) -> this.promotion.promote(staff, thread.getId(), Promotion.of(null))
					.flatMap((draft) -> this.knowledgeBase.publish(staff, draft.getId()))
					.onErrorResume(ProblemException.class, (refused) -> Mono.empty())))
			.count()
			.doOnNext((published) -> log.info("Demo content: {} knowledge-base articles", published))
			.then();
	}

	private Flux<ForumThread> bestSolved(String importKeyPattern) {
		return this.threads.bestSolvedImported(importKeyPattern, PER_SOURCE);
	}

}
