package dev.madang.answer;

import java.time.Instant;

import dev.madang.revision.Deletion;
import dev.madang.revision.LastEdit;
import dev.madang.revision.Revision;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An answer to a question thread. Its score is the sum of its votes, kept by {@code $inc}. */
@Document("answers")
public class Answer {

	@Id
	private String id;

	@Indexed
	private String threadId;

	private String authorId;

	private String body;

	/** The body rendered and sanitized when it was written. */
	private String bodyHtml;

	/** {@code markdown} for answers written here, {@code html} for imported ones (sanitized when shown). */
	private String bodyFormat;

	@Indexed(unique = true, sparse = true)
	private String importKey;

	/** The score the answer had at its source; votes cast here add to it. */
	private int importedScore;

	private int score;

	private Instant createdAt;

	private Instant updatedAt;

	/** The revision the body is at; 0 in answers stored before editing existed means 1. */
	private int revision;

	private LastEdit lastEdit;

	private Deletion deletion;

	Answer() {
	}

	static Answer post(String threadId, String authorId, String body, String bodyHtml, Instant now) {
		Answer answer = new Answer();
		answer.bodyHtml = bodyHtml;
		answer.threadId = threadId;
		answer.authorId = authorId;
		answer.body = body;
		answer.createdAt = now;
		answer.updatedAt = now;
		answer.revision = 1;
		return answer;
	}

	public String getId() {
		return this.id;
	}

	public String getThreadId() {
		return this.threadId;
	}

	public String getAuthorId() {
		return this.authorId;
	}

	public String getBody() {
		return this.body;
	}

	/** The stored rendering, or null for answers stored before renderings were kept. */
	public String getBodyHtml() {
		return this.bodyHtml;
	}

	public String getBodyFormat() {
		return (this.bodyFormat != null) ? this.bodyFormat : "markdown";
	}

	public int getImportedScore() {
		return this.importedScore;
	}

	public int getScore() {
		return this.score;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public int getRevision() {
		return Math.max(1, this.revision);
	}

	/** The last edit, or null while the answer is as its author first wrote it. */
	public LastEdit getLastEdit() {
		return this.lastEdit;
	}

	/** Set while the answer is deleted. */
	public Deletion getDeletion() {
		return this.deletion;
	}

	public boolean isDeleted() {
		return this.deletion != null;
	}

	/** The answer's body as the revision it is now. */
	public Revision currentRevision() {
		return Revision.of(this.id, "answer", getRevision(),
				(this.lastEdit != null) ? this.lastEdit.editorId() : this.authorId, null, null, this.body,
				getBodyFormat(), (this.lastEdit != null) ? this.lastEdit.summary() : "",
				(this.lastEdit != null) ? this.lastEdit.at() : this.createdAt);
	}

}
