package dev.madang.knowledge;

import java.util.List;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventConsumer;
import dev.madang.events.EventType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Flags the articles made from a post when the post is edited after it was copied. Idempotent: flagging a flagged
 * article again changes nothing, and an edit older than the copied revision flags nothing.
 */
@Component
class SourceWatch implements EventConsumer {

	private final KnowledgeBase knowledgeBase;

	SourceWatch(KnowledgeBase knowledgeBase) {
		this.knowledgeBase = knowledgeBase;
	}

	@Override
	public String name() {
		return "knowledge-source-watch";
	}

	/** Only edits of posts that articles were made from (their threads list the articles). */
	@Override
	public boolean wants(DomainEvent event) {
		return event.is(EventType.QUESTION_EDITED, EventType.ANSWER_EDITED) && !event.texts("articleIds").isEmpty();
	}

	@Override
	public Mono<Void> handle(List<DomainEvent> events) {
		return Flux.fromIterable(events)
			.concatMap((edited) -> this.knowledgeBase.sourceEdited(edited.subject(), edited.number("revision"),
					edited.texts("articleIds")))
			.then();
	}

}
