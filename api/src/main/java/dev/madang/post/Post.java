package dev.madang.post;

import java.time.Instant;
import java.util.List;

import dev.madang.revision.Deletion;
import dev.madang.revision.LastEdit;
import dev.madang.revision.Revision;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * What questions and answers share, stored under the same field names in both collections: the author, the body and
 * its rendering, the score, times, the revision it is at, and a soft delete.
 */
public abstract class Post {

	@Id
	private String id;

	private String authorId;

	private String body;

	/** The body rendered and sanitized when it was written, so reading a page never renders it again. */
	private String bodyHtml;

	/** {@code markdown} for posts written here, {@code html} for imported ones (sanitized when shown). */
	private String bodyFormat;

	/** Where an imported post came from, unique, so importing again changes nothing. */
	@Indexed(unique = true, sparse = true)
	private String importKey;

	/** The score the post had at its source; votes cast here add to it. */
	private int importedScore;

	private int score;

	private Instant createdAt;

	private Instant updatedAt;

	/** The revision the body (and a question's title and tags) is at; 0 in posts from before editing existed means 1. */
	private int revision;

	private LastEdit lastEdit;

	private Deletion deletion;

	/** Set while the post is hidden pending review (flagged or held); only its author and moderators see it. */
	private Hold hold;

	protected Post() {
	}

	/** A new post, as its author first wrote it. */
	protected Post(String authorId, String body, String bodyHtml, Instant now) {
		this.authorId = authorId;
		this.body = body;
		this.bodyHtml = bodyHtml;
		this.createdAt = now;
		this.updatedAt = now;
		this.revision = 1;
	}

	public String getId() {
		return this.id;
	}

	public String getAuthorId() {
		return this.authorId;
	}

	public String getBody() {
		return this.body;
	}

	/** The stored rendering, or null for posts stored before renderings were kept. */
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

	/** The last edit, or null while the post is as its author first wrote it. */
	public LastEdit getLastEdit() {
		return this.lastEdit;
	}

	/** Set while the post is deleted. */
	public Deletion getDeletion() {
		return this.deletion;
	}

	public boolean isDeleted() {
		return this.deletion != null;
	}

	/** The post as the revision it is now. */
	public abstract Revision currentRevision();

	protected Revision currentRevision(String postType, String title, List<String> tags) {
		return Revision.of(this.id, postType, getRevision(),
				(this.lastEdit != null) ? this.lastEdit.editorId() : this.authorId, title, tags, this.body,
				getBodyFormat(), (this.lastEdit != null) ? this.lastEdit.summary() : "",
				(this.lastEdit != null) ? this.lastEdit.at() : this.createdAt);
	}

	/** A new post the spam rules hold for review: stored hidden, with its hold, in the same insert. */
	protected void holdForReview(Hold hold) {
		this.hold = hold;
	}

	public Hold getHold() {
		return this.hold;
	}

	/** Hidden pending review: readers other than the author and moderators do not see it. */
	public boolean isHidden() {
		return this.hold != null;
	}

}
