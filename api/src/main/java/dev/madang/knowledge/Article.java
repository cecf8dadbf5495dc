package dev.madang.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.madang.post.Searchable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A knowledge-base article: a working copy that staff edit ({@code title}, {@code body}, at {@code revision}) and the
 * version readers see ({@code published}). Publishing copies the working copy into a new numbered version.
 * {@code version} and {@code indexPending} work as on threads: the search index holds the published version.
 */
@Document("articles")
// The embedded storage uses an index only for a query naming exactly its fields (the indexer's conditional mark).
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public class Article implements Searchable {

	@Id
	private String id;

	/** {@code ko} or {@code en}. */
	private String locale;

	private String title;

	/** Markdown. */
	private String body;

	private String bodyHtml;

	private List<String> tags;

	private String productArea;

	private ArticleStatus status;

	/** Counts saves of the working copy, so two editors from the same revision cannot overwrite each other. */
	private int revision;

	private PublishedVersion published;

	/** How many versions were published; the next one is this plus one. */
	private int publishedCount;

	private List<ArticleSource> sources;

	/** The authors credited for the article (the promoted posts' authors). */
	private List<String> credits;

	/** Whether the credits' reputation was given (at the first publication). */
	private boolean credited;

	/** A source post was edited after it was copied: staff should review the article. */
	private boolean sourceChanged;

	private Instant sourceChangedAt;

	/** The article's versions in other languages: locale → article id (this one included). */
	private Map<String, String> translations;

	private String createdBy;

	private Instant createdAt;

	private String updatedBy;

	private Instant updatedAt;

	private int helpfulYes;

	private int helpfulNo;

	private long version;

	private boolean indexPending;

	private long indexedVersion;

	Article() {
	}

	Article(String locale, String title, String body, String bodyHtml, List<String> tags, String productArea,
			List<ArticleSource> sources, List<String> credits, String createdBy, Instant now) {
		this.locale = locale;
		this.title = title;
		this.body = body;
		this.bodyHtml = bodyHtml;
		this.tags = List.copyOf(tags);
		this.productArea = productArea;
		this.status = ArticleStatus.DRAFT;
		this.revision = 1;
		this.sources = List.copyOf(sources);
		this.credits = List.copyOf(credits);
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedBy = createdBy;
		this.updatedAt = now;
		this.version = 1;
		this.indexPending = true;
	}

	/** Gives a new article its id and its translations (itself included) before it is stored. */
	void assign(String id, java.util.Map<String, String> translations) {
		this.id = id;
		this.translations = java.util.Map.copyOf(translations);
	}

	/** A translation's authors were credited with the original. */
	void markCredited() {
		this.credited = true;
	}

	@Override
	public String getId() {
		return this.id;
	}

	public String getLocale() {
		return this.locale;
	}

	public String getTitle() {
		return this.title;
	}

	public String getBody() {
		return this.body;
	}

	public String getBodyHtml() {
		return this.bodyHtml;
	}

	public List<String> getTags() {
		return (this.tags != null) ? this.tags : List.of();
	}

	public String getProductArea() {
		return this.productArea;
	}

	public ArticleStatus getStatus() {
		return this.status;
	}

	public int getRevision() {
		return this.revision;
	}

	public PublishedVersion getPublished() {
		return this.published;
	}

	public int getPublishedCount() {
		return this.publishedCount;
	}

	public List<ArticleSource> getSources() {
		return (this.sources != null) ? this.sources : List.of();
	}

	public List<String> getCredits() {
		return (this.credits != null) ? this.credits : List.of();
	}

	public boolean isCredited() {
		return this.credited;
	}

	public boolean isSourceChanged() {
		return this.sourceChanged;
	}

	public Instant getSourceChangedAt() {
		return this.sourceChangedAt;
	}

	public Map<String, String> getTranslations() {
		return (this.translations != null) ? this.translations : Map.of();
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public int getHelpfulYes() {
		return this.helpfulYes;
	}

	public int getHelpfulNo() {
		return this.helpfulNo;
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

	/** Whether anonymous readers see it: a version was published and the article is not archived. */
	public boolean isPublic() {
		return this.published != null && this.status != ArticleStatus.ARCHIVED;
	}

	/** Whether the working copy differs from what readers see. */
	public boolean hasUnpublishedChanges() {
		return this.published == null || !this.published.title().equals(this.title)
				|| !this.published.body().equals(this.body);
	}

	/** The readable path: {@code /kb/<id>/<slug of the published (or draft) title>}. */
	public String path() {
		return KnowledgePaths.article(this.id, (this.published != null) ? this.published.title() : this.title);
	}

}
