package dev.madang.comment;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.post.ImportKeys;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * How imports write comments: each by its import key, with its {@code comment.posted} event recorded only when it is
 * created. The thread lists them through its own import.
 */
@Service
public class CommentImports {

	private final ImportKeys importKeys;

	CommentImports(ImportKeys importKeys) {
		this.importKeys = importKeys;
	}

	/** Creates the comment unless it was imported before; returns its id either way. */
	public Mono<String> comment(CommentImport comment) {
		ObjectId id = new ObjectId();
		DomainEvent posted = DomainEvent.of(EventType.COMMENT_POSTED, id.toHexString(), comment.threadId(),
				comment.authorId(), comment.createdAt(), "answerId", comment.answerId(), "imported", comment.importKey());
		Update create = new Update().setOnInsert("_id", id)
			.setOnInsert("threadId", comment.threadId())
			.setOnInsert("answerId", comment.answerId())
			.setOnInsert("authorId", comment.authorId())
			.setOnInsert("authorName", comment.authorName())
			.setOnInsert("body", comment.body())
			.setOnInsert("createdAt", comment.createdAt());
		return this.importKeys.create(Comment.class, comment.importKey(), create, posted);
	}

}
