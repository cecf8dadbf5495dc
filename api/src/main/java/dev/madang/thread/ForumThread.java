package dev.madang.thread;

import java.time.Instant;
import java.util.List;

import dev.madang.revision.Deletion;
import dev.madang.revision.LastEdit;
import dev.madang.revision.Revision;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question thread as stored in MongoDB, the source of truth. Every change increments {@code version} and sets
 * {@code indexPending} in the same atomic update; the indexer clears the flag once that version is searchable.
 */
@Document("threads")
public class ForumThread {

	@Id
	private String id;

	private String title;

	private String body;

	/** The body rendered and sanitized when it was written, so reading a page never renders it again. */
	private String bodyHtml;

	private List<String> tags;

	/** The product area's slug, or null. */
	private String productArea;

	private String authorId;

	/** {@code markdown} for posts written here, {@code html} for imported ones (sanitized when shown). */
	private String bodyFormat;

	/** Where an imported thread came from, unique, so importing again changes nothing. */
	@Indexed(unique = true, sparse = true)
	private String importKey;

	/** The score the thread had at its source; votes cast here add to it. */
	private int importedScore;

	private Attribution source;

	private List<String> duplicateOf;

	private ThreadStatus status = ThreadStatus.OPEN;

	private int answerCount;

	/** The answers' ids, so a question page reads them by id instead of searching the answers collection. */
	private List<String> answerIds;

	/** The ids of the comments on the question and its answers, read by id with the page. */
	private List<String> commentIds;

	private int score;

	/** Views, added in batches by {@link ViewCounter}. */
	private long viewCount;

	/** How many customers said they have this problem too. */
	private int followCount;

	private String acceptedAnswerId;

	/** The moderator who marked the solution, when it was not the asker who accepted it. */
	private String solutionMarkedBy;

	/** Counts acceptance changes, so each one's reputation entries have causes of their own. */
	private int acceptSeq;

	private Instant firstAnswerAt;

	private Instant solvedAt;

	private Instant lastActivityAt;

	private Instant createdAt;

	private Instant updatedAt;

	/** The revision the title, tags and body are at; 0 in threads stored before editing existed means 1. */
	private int revision;

	private LastEdit lastEdit;

	private Deletion deletion;

	/** The status to go back to when a deleted thread is undeleted. */
	private ThreadStatus statusBeforeDelete;

	private long version;

	@Indexed
	private boolean indexPending;

	private long indexedVersion;

	ForumThread() {
	}

	static ForumThread start(String authorId, String title, String body, String bodyHtml, List<String> tags,
			String productArea, Instant now) {
		ForumThread thread = new ForumThread();
		thread.productArea = productArea;
		thread.authorId = authorId;
		thread.bodyHtml = bodyHtml;
		thread.title = title;
		thread.body = body;
		thread.tags = List.copyOf(tags);
		thread.createdAt = now;
		thread.updatedAt = now;
		thread.lastActivityAt = now;
		thread.version = 1;
		thread.revision = 1;
		thread.indexPending = true;
		return thread;
	}

	public String getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	/** The stored rendering, or null for threads stored before renderings were kept. */
	public String getBodyHtml() {
		return this.bodyHtml;
	}

	public String getBodyFormat() {
		return (this.bodyFormat != null) ? this.bodyFormat : "markdown";
	}

	public String getImportKey() {
		return this.importKey;
	}

	public int getImportedScore() {
		return this.importedScore;
	}

	public Attribution getSource() {
		return this.source;
	}

	public List<String> getDuplicateOf() {
		return (this.duplicateOf != null) ? this.duplicateOf : List.of();
	}

	public String getAuthorId() {
		return this.authorId;
	}

	public List<String> getTags() {
		return (this.tags != null) ? this.tags : List.of();
	}

	public String getProductArea() {
		return this.productArea;
	}

	public ThreadStatus getStatus() {
		return (this.status != null) ? this.status : ThreadStatus.OPEN;
	}

	public List<String> getAnswerIds() {
		return (this.answerIds != null) ? this.answerIds : List.of();
	}

	public List<String> getCommentIds() {
		return (this.commentIds != null) ? this.commentIds : List.of();
	}

	public int getAnswerCount() {
		return this.answerCount;
	}

	public long getViewCount() {
		return this.viewCount;
	}

	public int getFollowCount() {
		return this.followCount;
	}

	public int getScore() {
		return this.score;
	}

	public String getAcceptedAnswerId() {
		return this.acceptedAnswerId;
	}

	public String getSolutionMarkedBy() {
		return this.solutionMarkedBy;
	}

	public int getAcceptSeq() {
		return this.acceptSeq;
	}

	public Instant getFirstAnswerAt() {
		return this.firstAnswerAt;
	}

	public Instant getSolvedAt() {
		return this.solvedAt;
	}

	public Instant getLastActivityAt() {
		return this.lastActivityAt;
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

	/** The last edit, or null while the thread is as its author first wrote it. */
	public LastEdit getLastEdit() {
		return this.lastEdit;
	}

	/** Set while the thread is deleted. */
	public Deletion getDeletion() {
		return this.deletion;
	}

	public ThreadStatus getStatusBeforeDelete() {
		return this.statusBeforeDelete;
	}

	public boolean isDeleted() {
		return getStatus() == ThreadStatus.DELETED;
	}

	/** The thread's title, tags and body as the revision they are now. */
	public Revision currentRevision() {
		return Revision.of(this.id, "question", getRevision(),
				(this.lastEdit != null) ? this.lastEdit.editorId() : this.authorId, this.title, getTags(), this.body,
				getBodyFormat(), (this.lastEdit != null) ? this.lastEdit.summary() : "",
				(this.lastEdit != null) ? this.lastEdit.at() : this.createdAt);
	}

	public long getVersion() {
		return this.version;
	}

	public boolean isIndexPending() {
		return this.indexPending;
	}

	public long getIndexedVersion() {
		return this.indexedVersion;
	}

}
