package dev.madang.importing;

import dev.madang.answer.AnswerImport;
import dev.madang.answer.AnswerImports;
import dev.madang.comment.CommentImport;
import dev.madang.comment.CommentImports;
import dev.madang.thread.QuestionImport;
import dev.madang.thread.ThreadImports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.madang.identity.AccountService;
import dev.madang.reputation.ReputationLedger;
import dev.madang.thread.Attribution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Imports a Stack Exchange data dump folder (Users.xml when present, Posts.xml, PostLinks.xml when present):
 * people, questions, answers with their scores, accepted answers and duplicate links. Bodies stay HTML and are
 * sanitized when shown; every thread carries its source and license (CC BY-SA). Each record is keyed by site and
 * original id and only created if absent, so a second run changes nothing and an interrupted run resumes.
 */
@Service
public class StackExchangeImport {

	private static final Pattern SITE = Pattern.compile("site ([a-z0-9.-]+)");

	private static final Pattern TAG = Pattern.compile("<([^>]+)>");

	private static final int CONCURRENCY = 8;

	private final AccountService accounts;

	private final ReputationLedger ledger;

	private final ImportedRecords records;

	private final ThreadImports threads;

	private final AnswerImports answers;

	private final CommentImports comments;

	StackExchangeImport(AccountService accounts, ReputationLedger ledger, ImportedRecords records,
			ThreadImports threads, AnswerImports answers, CommentImports comments) {
		this.records = records;
		this.accounts = accounts;
		this.ledger = ledger;
		this.threads = threads;
		this.answers = answers;
		this.comments = comments;
	}

	/**
	 * Imports one dump folder (its files plain or gzipped); {@code console} receives the progress bars (null for none).
	 */
	public Mono<ImportReport> importFolder(Path folder, PrintStream console) {
		Path posts = DumpRows.find(folder, "Posts.xml");
		if (posts == null) {
			return Mono.error(new IllegalArgumentException(folder + " has no Posts.xml: not a Stack Exchange dump folder"));
		}
		Run run = new Run(siteOf(folder), console);
		return importUsers(run, DumpRows.find(folder, "Users.xml"))
			.then(Mono.defer(() -> importPosts(run, posts, "1", "Questions")))
			.then(Mono.defer(() -> importPosts(run, posts, "2", "Answers")))
			.then(Mono.defer(() -> summarizeQuestions(run)))
			.then(Mono.defer(() -> importDuplicateLinks(run, DumpRows.find(folder, "PostLinks.xml"))))
			.then(Mono.defer(() -> importComments(run, DumpRows.find(folder, "Comments.xml"))))
			.then(Mono.defer(() -> this.records.finish(run.site)))
			.then(Mono.fromSupplier(() -> new ImportReport(run.site, run.users.size(), run.questions.size(),
					run.answers.size(), run.accepted.get(), run.duplicates.get(), run.comments.get())));
	}

	private Mono<Void> importUsers(Run run, Path file) {
		if (file == null) {
			return Mono.empty();
		}
		Progress progress = new Progress(run.console, run.site + " users", DumpRows.count(file));
		return DumpRows.of(file).flatMap((row) -> person(run, row.get("Id"), row.get("DisplayName"), date(row, "CreationDate"))
			.flatMap((userId) -> this.ledger.record("import:" + run.site + ":user:" + row.get("Id"), userId,
					Integer.parseInt(row.getOrDefault("Reputation", "1")) - 1, "reputation at " + run.site, null, false))
			.doOnTerminate(progress::step), CONCURRENCY).then(Mono.fromRunnable(progress::finish));
	}

	private Mono<Void> importPosts(Run run, Path file, String postType, String label) {
		Progress progress = new Progress(run.console, run.site + " " + label.toLowerCase(java.util.Locale.ROOT),
				DumpRows.count(file));
		return DumpRows.of(file)
			.doOnNext((row) -> progress.step())
			.filter((row) -> postType.equals(row.get("PostTypeId")))
			.flatMap((row) -> "1".equals(postType) ? question(run, row) : answer(run, row), CONCURRENCY)
			.then(Mono.fromRunnable(progress::finish));
	}

	private Mono<Void> question(Run run, Map<String, String> row) {
		String id = row.get("Id");
		Instant created = date(row, "CreationDate");
		int score = Integer.parseInt(row.getOrDefault("Score", "0"));
		return author(run, row).flatMap((authorId) -> {
			QuestionImport question = new QuestionImport(key(run, "post", id), row.getOrDefault("Title", "(untitled)"),
					row.getOrDefault("Body", ""), "html", tags(row.get("Tags")), authorId, score,
					new Attribution(run.site, "https://" + run.site + "/q/" + id,
							row.getOrDefault("OwnerDisplayName", run.names.getOrDefault(ownerKey(row), "anonymous")),
							row.getOrDefault("ContentLicense", "CC BY-SA")),
					created, date(row, "LastActivityDate"));
			return this.threads.question(question).doOnNext((threadId) -> {
				run.questions.put(id, threadId);
				if (row.get("AcceptedAnswerId") != null) {
					run.acceptedAnswerOf.put(id, row.get("AcceptedAnswerId"));
				}
			});
		}).then();
	}

	private Mono<Void> answer(Run run, Map<String, String> row) {
		String threadId = run.questions.get(row.get("ParentId"));
		if (threadId == null) {
			return Mono.empty();
		}
		Instant created = date(row, "CreationDate");
		int score = Integer.parseInt(row.getOrDefault("Score", "0"));
		return author(run, row).flatMap((authorId) -> this.answers.answer(new AnswerImport(key(run, "post", row.get("Id")),
				threadId, authorId, row.getOrDefault("Body", ""), "html", score, created)))
			.doOnNext((answerId) -> run.answers.put(row.get("Id"), new ImportedAnswer(answerId, row.get("ParentId"), created)))
			.then();
	}

	/** Answer counts, first-answer times and accepted answers, set outright so a re-run writes the same values. */
	private Mono<Void> summarizeQuestions(Run run) {
		Map<String, List<ImportedAnswer>> byQuestion = new ConcurrentHashMap<>();
		run.answers.values().forEach((answer) -> byQuestion.computeIfAbsent(answer.questionId(), (k) -> new ArrayList<>())
			.add(answer));
		Progress progress = new Progress(run.console, run.site + " solutions", run.questions.size());
		return Flux.fromIterable(run.questions.entrySet()).flatMap((question) -> {
			List<ImportedAnswer> answers = byQuestion.getOrDefault(question.getKey(), List.of());
			Instant first = answers.stream().map(ImportedAnswer::createdAt).min(Instant::compareTo).orElse(null);
			ImportedAnswer accepted = run.answers.get(run.acceptedAnswerOf.getOrDefault(question.getKey(), ""));
			if (accepted != null) {
				run.accepted.incrementAndGet();
			}
			return this.threads.answered(question.getValue(), answers.stream().map(ImportedAnswer::id).sorted().toList(),
					first, (accepted != null) ? accepted.id() : null, (accepted != null) ? accepted.createdAt() : null)
				.doOnTerminate(progress::step);
		}, CONCURRENCY).then(Mono.fromRunnable(progress::finish));
	}

	private Mono<Void> importDuplicateLinks(Run run, Path file) {
		if (file == null) {
			return Mono.empty();
		}
		return DumpRows.of(file).filter((row) -> "3".equals(row.get("LinkTypeId"))).flatMap((row) -> {
			String duplicate = run.questions.get(row.get("PostId"));
			String original = run.questions.get(row.get("RelatedPostId"));
			if (duplicate == null || original == null) {
				return Mono.empty();
			}
			run.duplicates.incrementAndGet();
			return this.threads.duplicateOf(duplicate, original);
		}, CONCURRENCY).then();
	}

	/**
	 * Comments on imported questions and answers (plain text, as Stack Exchange keeps them); the threads list them by
	 * id with {@code $addToSet}, so a re-run adds nothing and keeps comments written here since.
	 */
	private Mono<Void> importComments(Run run, Path file) {
		if (file == null) {
			return Mono.empty();
		}
		Progress progress = new Progress(run.console, run.site + " comments", DumpRows.count(file));
		Map<String, List<String>> byThread = new ConcurrentHashMap<>();
		return DumpRows.of(file).doOnNext((row) -> progress.step()).flatMap((row) -> {
			String postId = row.get("PostId");
			ImportedAnswer answer = run.answers.get(postId);
			String threadId = (answer != null) ? run.questions.get(answer.questionId()) : run.questions.get(postId);
			String text = row.get("Text");
			if (threadId == null || text == null || text.isBlank()) {
				return Mono.empty();
			}
			String user = (row.get("UserId") != null) ? row.get("UserId") : "anonymous";
			String name = row.getOrDefault("UserDisplayName", run.names.getOrDefault(user, "user" + user));
			Instant created = date(row, "CreationDate");
			return person(run, user, name, created)
				.flatMap((authorId) -> this.comments.comment(new CommentImport(key(run, "comment", row.get("Id")),
						threadId, (answer != null) ? answer.id() : null, authorId, run.names.getOrDefault(user, name),
						text.strip(), created)))
				.doOnNext((commentId) -> {
					run.comments.incrementAndGet();
					byThread.computeIfAbsent(threadId, (id) -> java.util.Collections.synchronizedList(new ArrayList<>()))
						.add(commentId);
				});
		}, CONCURRENCY)
			.thenMany(Flux.defer(() -> Flux.fromIterable(byThread.entrySet())))
			.flatMap((thread) -> this.threads.listComments(thread.getKey(), thread.getValue()), CONCURRENCY)
			.then(Mono.fromRunnable(progress::finish));
	}

	private Mono<String> author(Run run, Map<String, String> row) {
		String owner = ownerKey(row);
		String name = row.getOrDefault("OwnerDisplayName", run.names.getOrDefault(owner, "user" + owner));
		return person(run, owner, name, date(row, "CreationDate"));
	}

	/** The original author's id; posts of deleted accounts have none and share one anonymous author. */
	private static String ownerKey(Map<String, String> row) {
		String owner = row.get("OwnerUserId");
		return (owner != null) ? owner : "anonymous";
	}

	private Mono<String> person(Run run, String id, String displayName, Instant createdAt) {
		String known = run.users.get(id);
		if (known != null) {
			return Mono.just(known);
		}
		String name = (displayName == null || displayName.isBlank()) ? "user" + id : displayName;
		run.names.putIfAbsent(id, name);
		String email = "se." + run.site.replaceAll("[^a-z0-9.]", "") + "." + id.replace("-", "m") + "@users.import.invalid";
		return this.accounts.ensureImportedAccount(email, name, createdAt).doOnNext((userId) -> run.users.put(id, userId));
	}

	private static String key(Run run, String kind, String id) {
		return "se:" + run.site + ":" + kind + ":" + id;
	}

	static List<String> tags(String tags) {
		List<String> list = new ArrayList<>();
		if (tags != null) {
			Matcher matcher = TAG.matcher(tags);
			while (matcher.find() && list.size() < 5) {
				list.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
			}
			if (list.isEmpty()) {
				for (String tag : tags.split("\\|")) {
					if (!tag.isBlank() && list.size() < 5) {
						list.add(tag.toLowerCase(java.util.Locale.ROOT));
					}
				}
			}
		}
		return list;
	}

	private static Instant date(Map<String, String> row, String attribute) {
		String value = row.get(attribute);
		return (value == null) ? Instant.EPOCH : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
	}

	static String siteOf(Path folder) {
		try {
			Matcher matcher = SITE.matcher(Files.readString(folder.resolve("SOURCE.txt")));
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		catch (IOException ex) {
			// no SOURCE.txt: fall back to the folder's name
		}
		return folder.getFileName().toString();
	}

	/** The state of one run: original ids mapped to stored ids, and counters. */
	private static final class Run {

		final String site;

		final PrintStream console;

		final Map<String, String> users = new ConcurrentHashMap<>();

		final Map<String, String> names = new ConcurrentHashMap<>();

		final Map<String, String> questions = new ConcurrentHashMap<>();

		final Map<String, ImportedAnswer> answers = new ConcurrentHashMap<>();

		final Map<String, String> acceptedAnswerOf = new ConcurrentHashMap<>();

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong duplicates = new AtomicLong();

		final AtomicLong comments = new AtomicLong();

		Run(String site, PrintStream console) {
			this.site = site;
			this.console = console;
		}

	}

	private record ImportedAnswer(String id, String questionId, Instant createdAt) {
	}

}
