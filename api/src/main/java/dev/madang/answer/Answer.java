package dev.madang.answer;

import java.time.Instant;

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

}
