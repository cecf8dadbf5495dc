package dev.madang.knowledge;

import dev.madang.post.PostEdited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Flags the articles made from a post when the post is edited after it was copied. */
@Component
class SourceWatch {

	private static final Logger log = LoggerFactory.getLogger(SourceWatch.class);

	private final KnowledgeBase knowledgeBase;

	SourceWatch(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@EventListener
	void onPostEdited(PostEdited edited) {
		this.knowledgeBase.sourceEdited(edited.postId(), edited.revision(), edited.articleIds())
			.doOnError((failure) -> log.warn("Could not flag the articles made from post {}: {}", edited.postId(),
					failure.toString()))
			.onErrorComplete()
			.subscribe();
	}

}
