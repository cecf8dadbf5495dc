package dev.madang.thread;

import java.time.Instant;
import java.util.List;

import dev.madang.post.Language;
import dev.madang.post.Post;
import dev.madang.post.Searchable;
import dev.madang.revision.Revision;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question thread as stored in MongoDB, the source of truth. Every change increments {@code version} and sets
 * {@code indexPending} in the same atomic update; the indexer clears the flag once that version is searchable.
 */
@Document("threads")
// Redundant for MongoDB (the _id index decides), but the embedded storage uses an index only when a query names
// exactly its fields: without it, the indexer's "clear the mark if still at version v" read every thread per thread.
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public class ForumThread extends Post implements Searchable {

	private String title;

	/** {@code ko} or {@code en} ({@link Language#of} the title), so readers see questions in their language first. */
	private String language;

	private List<String> tags;

	/** The product area's slug, or null. */
	private String productArea;

	private Attribution source;

	private List<String> duplicateOf;

	private ThreadStatus status = ThreadStatus.OPEN;

	private int answerCount;

	/** The answers' ids, so a question page reads them by id instead of searching the answers collection. */
	private List<String> answerIds;

	/** The ids of the comments on the question and its answers, read by id with the page. */
	private List<String> commentIds;

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

	/** The status to go back to when a deleted thread is undeleted. */
	private ThreadStatus statusBeforeDelete;

	private Closure closure;

	private Lock lock;

	/** Pinned to the top of its product area's list by a moderator. */
	private boolean pinned;

	/** The question this one was merged into: its answers and comments live there now, and its address redirects. */
	private String mergedInto;

	/** What a merge moved away, so undoing it moves exactly these back. */
	private List<String> mergedAnswerIds;

	private List<String> mergedCommentIds;

	/** Questions merged into this one (each merge counted once). */
	private List<String> mergedFrom;

	/** Knowledge-base articles promoted from this thread (one per language), linked from the question page. */
	private List<String> articleIds;

	private long version;

	@Indexed
	private boolean indexPending;

	private long indexedVersion;

	ForumThread() {
	}

	private ForumThread(String authorId, String title, String body, String bodyHtml, List<String> tags,
			String productArea, Instant now) {
		super(authorId, body, bodyHtml, now);
		this.title = title;
		this.language = Language.of(title);
		this.tags = List.copyOf(tags);
		this.productArea = productArea;
		this.lastActivityAt = now;
		this.version = 1;
		this.indexPending = true;
	}

	static ForumThread start(String authorId, String title, String body, String bodyHtml, List<String> tags,
			String productArea, Instant now, dev.madang.post.Hold hold) {
		ForumThread thread = new ForumThread(authorId, title, body, bodyHtml, tags, productArea, now);
		thread.holdForReview(hold);
		return thread;
	}

	public String getTitle() {
		return this.title;
	}

	public String getLanguage() {
		return this.language;
	}

	public Attribution getSource() {
		return this.source;
	}

	public List<String> getDuplicateOf() {
		return (this.duplicateOf != null) ? this.duplicateOf : List.of();
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

	public ThreadStatus getStatusBeforeDelete() {
		return this.statusBeforeDelete;
	}

	/** A thread's status says whether it is deleted ({@code deletion} holds who did it and when). */
	@Override
	public boolean isDeleted() {
		return getStatus() == ThreadStatus.DELETED;
	}

	/** The thread's title, tags and body as the revision they are now. */
	@Override
	public Revision currentRevision() {
		return currentRevision("question", this.title, getTags());
	}

	public List<String> getArticleIds() {
		return (this.articleIds != null) ? this.articleIds : List.of();
	}

	@Override
	public long getVersion() {
		return this.version;
	}

	@Override
	public boolean isIndexPending() {
		return this.indexPending;
	}

	public long getIndexedVersion() {
		return this.indexedVersion;
	}

	public Closure getClosure() {
		return this.closure;
	}

	public Lock getLock() {
		return this.lock;
	}

	public boolean isPinned() {
		return this.pinned;
	}

	public String getMergedInto() {
		return this.mergedInto;
	}

	public List<String> getMergedAnswerIds() {
		return (this.mergedAnswerIds != null) ? this.mergedAnswerIds : List.of();
	}

	public List<String> getMergedCommentIds() {
		return (this.mergedCommentIds != null) ? this.mergedCommentIds : List.of();
	}

	public List<String> getMergedFrom() {
		return (this.mergedFrom != null) ? this.mergedFrom : List.of();
	}

	public boolean isLocked() {
		return this.lock != null;
	}

	public boolean isClosed() {
		return this.closure != null;
	}

	/** Takes new answers and comments: not deleted, closed, locked or merged away. */
	public boolean takesAnswers() {
		return !isDeleted() && this.closure == null && this.lock == null && this.mergedInto == null;
	}

	/** Shown to every reader: not deleted, not hidden pending review, not merged away. */
	public boolean isPublic() {
		return !isDeleted() && !isHidden() && this.mergedInto == null;
	}

}
