package dev.madang.knowledge;

import java.util.List;

import dev.madang.identity.CurrentUsers;
import dev.madang.thread.ThreadService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The thread's side of the link: the knowledge-base articles made from it. */
@RestController
@Tag(name = "Knowledge base")
class ThreadArticlesApi {

	private final ThreadService threads;

	private final KnowledgeBase knowledgeBase;

	private final CurrentUsers currentUsers;

	ThreadArticlesApi(ThreadService threads, KnowledgeBase knowledgeBase, CurrentUsers currentUsers) {
		this.threads = threads;
		this.knowledgeBase = knowledgeBase;
		this.currentUsers = currentUsers;
	}

	@GetMapping(path = "/api/v1/threads/{id}/articles", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The articles made from a thread: published ones for readers, drafts too for staff")
	Mono<List<ArticleView>> articles(@PathVariable String id) {
		return this.currentUsers.currentIfAny().flatMap((user) -> this.threads.findVisible(id, Mono.justOrEmpty(user))
			.flatMap((thread) -> this.knowledgeBase.byIds(thread.getArticleIds())
				.filter((article) -> article.isPublic() || KnowledgeBase.isStaff(user.orElse(null)))
				.map((article) -> ArticleView.of(article, KnowledgeBase.isStaff(user.orElse(null))))
				.collectList()));
	}

}
