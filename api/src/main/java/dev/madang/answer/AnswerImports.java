package dev.madang.answer;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.ImportKeys;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * How imports write answers: each by its import key, with its {@code answer.posted} event (at the original time)
 * recorded only when it is created. The question's counts and solution are set by the thread's import.
 */
@Service
public class AnswerImports {

	private final MarkdownRenderer markdown;

	private final ImportKeys importKeys;

	AnswerImports(MarkdownRenderer markdown, ImportKeys importKeys) {
		this.markdown = markdown;
		this.importKeys = importKeys;
	}

	/** Creates the answer unless it was imported before; returns its id either way. */
	public Mono<String> answer(AnswerImport answer) {
		ObjectId id = new ObjectId();
		DomainEvent posted = DomainEvent.of(EventType.ANSWER_POSTED, id.toHexString(), answer.threadId(),
				answer.authorId(), answer.createdAt(), "imported", answer.importKey());
		Update create = new Update().setOnInsert("_id", id)
			.setOnInsert("threadId", answer.threadId())
			.setOnInsert("authorId", answer.authorId())
			.setOnInsert("body", answer.body())
			.setOnInsert("bodyHtml", this.markdown.render(answer.body(), answer.bodyFormat()))
			.setOnInsert("bodyFormat", answer.bodyFormat())
			.setOnInsert("score", answer.score())
			.setOnInsert("importedScore", answer.score())
			.setOnInsert("createdAt", answer.createdAt())
			.setOnInsert("updatedAt", answer.createdAt());
		return this.importKeys.create(Answer.class, answer.importKey(), create, posted);
	}

}
