package dev.madang.revision;

import java.util.List;
import java.util.Objects;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * What one revision changed from the one before: the title and tags (questions) and the body as unified-diff lines
 * with three lines of context, the form reviewers know from code review.
 *
 * @param lines each line starts with {@code +} (added), {@code -} (removed), a space (context) or {@code @@} (where)
 */
public record RevisionDiff(String oldTitle, String newTitle, List<String> oldTags, List<String> newTags,
		List<Line> lines) {

	private static final int CONTEXT = 3;

	public static RevisionDiff between(Revision older, Revision newer) {
		List<String> before = bodyLines(older);
		List<String> after = bodyLines(newer);
		Patch<String> patch = DiffUtils.diff(before, after);
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("before", "after", before, patch, CONTEXT);
		List<Line> lines = unified.stream()
			.filter((line) -> !line.startsWith("---") && !line.startsWith("+++"))
			.map(Line::of)
			.toList();
		boolean titleChanged = !Objects.equals(older.title(), newer.title());
		boolean tagsChanged = !Objects.equals(older.tags(), newer.tags());
		return new RevisionDiff(titleChanged ? older.title() : null, titleChanged ? newer.title() : null,
				tagsChanged ? older.tags() : null, tagsChanged ? newer.tags() : null, lines);
	}

	/** The first version: everything in it is new. */
	public static RevisionDiff initial(Revision first) {
		return new RevisionDiff(null, first.title(), null, first.tags(),
				bodyLines(first).stream().map((text) -> new Line("added", text)).toList());
	}

	private static List<String> bodyLines(Revision revision) {
		return (revision.body() == null) ? List.of() : List.of(revision.body().split("\r?\n", -1));
	}

	/** @param kind {@code added}, {@code removed}, {@code context} or {@code hunk} */
	public record Line(String kind, String text) {

		static Line of(String unified) {
			if (unified.startsWith("@@")) {
				return new Line("hunk", unified);
			}
			String text = unified.isEmpty() ? "" : unified.substring(1);
			return switch (unified.isEmpty() ? ' ' : unified.charAt(0)) {
				case '+' -> new Line("added", text);
				case '-' -> new Line("removed", text);
				default -> new Line("context", text);
			};
		}

	}

}
