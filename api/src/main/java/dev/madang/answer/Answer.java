package dev.madang.answer;

import java.time.Instant;

import dev.madang.post.Post;
import dev.madang.revision.Revision;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An answer to a question thread. Its score is the sum of its votes, kept by {@code $inc}. */
@Document("answers")
public class Answer extends Post {

	@Indexed
	private String threadId;

	Answer() {
	}

	private Answer(String threadId, String authorId, String body, String bodyHtml, Instant now) {
		super(authorId, body, bodyHtml, now);
		this.threadId = threadId;
	}

	static Answer post(String threadId, String authorId, String body, String bodyHtml, Instant now,
			dev.madang.post.Hold hold) {
		Answer answer = new Answer(threadId, authorId, body, bodyHtml, now);
		answer.holdForReview(hold);
		return answer;
	}

	public String getThreadId() {
		return this.threadId;
	}

	@Override
	public Revision currentRevision() {
		return currentRevision("answer", null, null);
	}

}
