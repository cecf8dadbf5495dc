package dev.madang.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts the slices of the team's shared data sets ({@code ../shared/data}) that the repository carries: the demo
 * community bundled with the app ({@code api/src/main/resources/demo}, gzipped) and the importers' test fixtures
 * ({@code api/src/test/resources/fixtures}, plain XML). Each slice keeps whole threads: chosen questions with all their
 * answers, the comments on them, the people who wrote them, and the duplicate links between them; rows are copied
 * verbatim, with each folder's {@code SOURCE.txt} and licence. Run from the repository root:
 * {@code java api/src/test/java/dev/madang/importing/DemoDataSlicer.java ../shared/data}.
 */
public final class DemoDataSlicer {

	private static final Pattern ID = Pattern.compile(" Id=\"(-?\\d+)\"");

	private DemoDataSlicer() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of((args.length > 0) ? args[0] : "../shared/data");
		Path demo = Path.of("api/src/main/resources/demo");
		Path fixtures = Path.of("api/src/test/resources/fixtures");
		// The demo: a coffee community whole (its dump has posts only), and solved, answered and open threads of two
		// sites whose dumps have people and comments too.
		stackExchange(data.resolve("se-coffee-posts"), demo.resolve("se-coffee-posts"), 240, true);
		stackExchange(data.resolve("se-ai"), demo.resolve("se-ai"), 120, true);
		stackExchange(data.resolve("se-cardano"), demo.resolve("se-cardano"), 120, true);
		korean(data.resolve("ko-chatbot-data"), demo.resolve("ko-chatbot-data"), 300, true);
		// The importers' fixtures: small, so each import test takes seconds.
		stackExchange(data.resolve("se-coffee-posts"), fixtures.resolve("se-coffee-posts"), 40, false);
		stackExchange(data.resolve("se-ai"), fixtures.resolve("se-ai"), 25, false);
		korean(data.resolve("ko-chatbot-data"), fixtures.resolve("ko-chatbot-data"), 40, false);
	}

	/**
	 * The {@code count} questions to keep: a third each of the best solved, answered-but-unsolved and unanswered ones
	 * (by score, then newest), so a slice looks like a living community rather than only its best days; plus the
	 * originals of kept duplicates.
	 */
	private static void stackExchange(Path source, Path target, int count, boolean gzip) throws IOException {
		List<String> posts = rows(source.resolve("Posts.xml"));
		Map<String, List<String>> answersOf = new HashMap<>();
		List<String> questions = new ArrayList<>();
		for (String row : posts) {
			if ("1".equals(attribute(row, "PostTypeId"))) {
				questions.add(row);
			}
			else if ("2".equals(attribute(row, "PostTypeId"))) {
				answersOf.computeIfAbsent(attribute(row, "ParentId"), (k) -> new ArrayList<>()).add(row);
			}
		}
		Comparator<String> best = Comparator.<String>comparingInt((row) -> Integer.parseInt(attribute(row, "Score")))
			.thenComparing((row) -> attribute(row, "CreationDate"))
			.reversed();
		Set<String> keep = new LinkedHashSet<>();
		int third = count / 3;
		questions.stream().filter((q) -> attribute(q, "AcceptedAnswerId") != null).sorted(best).limit(third)
			.forEach((q) -> keep.add(attribute(q, "Id")));
		questions.stream().filter((q) -> attribute(q, "AcceptedAnswerId") == null && answersOf.containsKey(attribute(q, "Id")))
			.sorted(best).limit(third).forEach((q) -> keep.add(attribute(q, "Id")));
		questions.stream().filter((q) -> !answersOf.containsKey(attribute(q, "Id"))).sorted(best)
			.limit(count - 2L * third).forEach((q) -> keep.add(attribute(q, "Id")));
		if (questions.size() <= count) {
			questions.forEach((q) -> keep.add(attribute(q, "Id")));
		}
		Path links = source.resolve("PostLinks.xml");
		List<String> keptLinks = new ArrayList<>();
		if (Files.exists(links)) {
			for (String link : rows(links)) {
				if ("3".equals(attribute(link, "LinkTypeId")) && keep.contains(attribute(link, "PostId"))) {
					keep.add(attribute(link, "RelatedPostId"));
				}
			}
			for (String link : rows(links)) {
				if (keep.contains(attribute(link, "PostId")) && keep.contains(attribute(link, "RelatedPostId"))) {
					keptLinks.add(link);
				}
			}
		}
		Set<String> keptPosts = new HashSet<>(keep);
		keep.forEach((q) -> answersOf.getOrDefault(q, List.of()).forEach((a) -> keptPosts.add(attribute(a, "Id"))));
		List<String> keptRows = posts.stream().filter((row) -> keptPosts.contains(attribute(row, "Id"))).toList();
		Set<String> people = new HashSet<>();
		keptRows.forEach((row) -> people.add(attribute(row, "OwnerUserId")));
		Files.createDirectories(target);
		write(source.resolve("Posts.xml"), target, "posts", keptRows, gzip);
		Path comments = source.resolve("Comments.xml");
		if (Files.exists(comments)) {
			List<String> kept = rows(comments).stream().filter((row) -> keptPosts.contains(attribute(row, "PostId"))).toList();
			kept.forEach((row) -> people.add(attribute(row, "UserId")));
			write(comments, target, "comments", kept, gzip);
		}
		Path users = source.resolve("Users.xml");
		if (Files.exists(users)) {
			write(users, target, "users", rows(users).stream().filter((row) -> people.contains(attribute(row, "Id"))).toList(),
					gzip);
		}
		if (Files.exists(links)) {
			write(links, target, "postlinks", keptLinks, gzip);
		}
		List<String> files;
		try (var listed = Files.list(target)) {
			files = listed.map((file) -> file.getFileName().toString()).filter((name) -> name.contains(".xml")).sorted()
				.toList();
		}
		copyAttribution(source, target, keep.size() + " of " + questions.size() + " questions with their "
				+ (keptPosts.size() - keep.size()) + " answers; only the rows of " + String.join(", ", files)
				+ " that belong to them (comments on them, their authors, links between them)");
	}

	/** Rows that read as questions (ending in a question mark, everyday label), in file order. */
	private static void korean(Path source, Path target, int count, boolean gzip) throws IOException {
		List<String> lines = Files.readAllLines(source.resolve("ChatbotData.csv"), StandardCharsets.UTF_8);
		List<String> kept = new ArrayList<>();
		kept.add(lines.get(0));
		lines.stream().skip(1).filter((line) -> line.matches("[^,]+\\?,[^,]+,0")).limit(count).forEach(kept::add);
		Files.createDirectories(target);
		String text = String.join("\n", kept) + "\n";
		if (gzip) {
			try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target.resolve("ChatbotData.csv.gz")))) {
				out.write(text.getBytes(StandardCharsets.UTF_8));
			}
		}
		else {
			Files.writeString(target.resolve("ChatbotData.csv"), text);
		}
		copyAttribution(source, target, (kept.size() - 1) + " of " + (lines.size() - 1)
				+ " pairs: those whose question ends in a question mark, label 0 (everyday)");
	}

	private static void copyAttribution(Path source, Path target, String slice) throws IOException {
		for (String name : List.of("LICENSE", "README.md")) {
			if (Files.exists(source.resolve(name))) {
				Files.copy(source.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Files.writeString(target.resolve("SOURCE.txt"), Files.readString(source.resolve("SOURCE.txt")).strip()
				+ "\nSlice kept here: " + slice + " (cut by DemoDataSlicer; rows copied unchanged).\n");
	}

	private static List<String> rows(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter((line) -> line.strip().startsWith("<row "))
			.toList();
	}

	private static void write(Path source, Path target, String root, List<String> rows, boolean gzip) throws IOException {
		String name = source.getFileName().toString() + (gzip ? ".gz" : "");
		OutputStream file = Files.newOutputStream(target.resolve(name));
		try (Writer out = new java.io.OutputStreamWriter(gzip ? new GZIPOutputStream(file) : file, StandardCharsets.UTF_8)) {
			out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<" + root + ">\n");
			for (String row : rows) {
				out.write(row);
				out.write('\n');
			}
			out.write("</" + root + ">\n");
		}
	}

	private static String attribute(String row, String name) {
		if ("Id".equals(name)) {
			Matcher id = ID.matcher(row);
			return id.find() ? id.group(1) : null;
		}
		Matcher matcher = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(row);
		return matcher.find() ? matcher.group(1) : null;
	}

}
