package dev.madang.knownissue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A known issue or feature request staff marked on a question and its duplicates ({@code product_issues}), with its
 * status history. Customers see it on those questions and, while it is open, on the area's list and the ask page.
 */
@Document("product_issues")
public class ProductIssue {

	@Id
	private String id;

	@Version
	private Long version;

	private IssueKind kind;

	private String status;

	private String fixedIn;

	private String note;

	private String title;

	private String area;

	private List<String> threadIds = new ArrayList<>();

	private List<StatusChange> history = new ArrayList<>();

	private boolean open;

	private Instant createdAt;

	private Instant updatedAt;

	/** One step of the lifecycle, with who took it and what they told customers. */
	public record StatusChange(String status, String fixedIn, String note, String by, Instant at) {
	}

	ProductIssue() {
	}

	static ProductIssue mark(IssueKind kind, String status, String fixedIn, String note, String title, String area,
			List<String> threadIds, String by, Instant now) {
		ProductIssue issue = new ProductIssue();
		issue.kind = kind;
		issue.title = title;
		issue.area = area;
		issue.threadIds = new ArrayList<>(threadIds);
		issue.createdAt = now;
		issue.change(status, fixedIn, note, by, now);
		return issue;
	}

	void change(String status, String fixedIn, String note, String by, Instant now) {
		this.status = status;
		this.fixedIn = ("fixed".equals(status) || "shipped".equals(status)) ? blankToNull(fixedIn) : null;
		this.note = blankToNull(note);
		this.open = !this.kind.closes(status);
		this.updatedAt = now;
		this.history.add(new StatusChange(status, this.fixedIn, this.note, by, now));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	Long getVersion() {
		return this.version;
	}

	public String getId() {
		return this.id;
	}

	public IssueKind getKind() {
		return this.kind;
	}

	public String getStatus() {
		return this.status;
	}

	public String getFixedIn() {
		return this.fixedIn;
	}

	public String getNote() {
		return this.note;
	}

	public String getTitle() {
		return this.title;
	}

	public String getArea() {
		return this.area;
	}

	public List<String> getThreadIds() {
		return this.threadIds;
	}

	public List<StatusChange> getHistory() {
		return this.history;
	}

	public boolean isOpen() {
		return this.open;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
