package dev.madang.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.madang.identity.AccountService;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Language;
import dev.madang.thread.Attribution;
import dev.madang.thread.ThreadStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Korean questions for the demo community from the Korean chatbot data set (CSV {@code Q,A,label}, MIT, Youngsook
 * Song 2018): each pair becomes a question from a customer answered, and accepted, by a community helper. Keyed by
 * line, so importing again changes nothing.
 */
@Service
public class KoreanQuestionsImport {

	private static final String SITE = "songys/Chatbot_data";

	private static final List<String> LABEL_TAGS = List.of("일상", "이별", "사랑");

	private final ReactiveMongoTemplate mongo;

	private final AccountService accounts;

	private final Clock clock;

	private final MarkdownRenderer markdown;

	private final ImportedRecords records;

	KoreanQuestionsImport(ReactiveMongoTemplate mongo, AccountService accounts, Clock clock, MarkdownRenderer markdown,
			ImportedRecords records) {
		this.markdown = markdown;
		this.records = records;
		this.mongo = mongo;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Imports up to {@code limit} pairs from {@code csv}; returns how many questions now exist from it. */
	public Mono<Long> importPairs(Path csv, int limit, PrintStream console) {
		List<String> lines = read(csv).stream().skip(1).filter((line) -> !line.isBlank()).limit(limit).toList();
		Instant base = this.clock.instant().minus(Duration.ofDays(30));
		Progress progress = new Progress(console, "Korean questions", lines.size());
		return Mono.zip(
				this.accounts.ensureImportedAccount("customers.ko@users.import.invalid", "마당 고객", base),
				this.accounts.ensureImportedAccount("helpers.ko@users.import.invalid", "마당 도우미", base))
			.flatMapMany((people) -> Flux.range(0, lines.size()).flatMap((index) -> {
				String[] fields = splitCsv(lines.get(index));
				if (fields.length < 2 || fields[0].isBlank() || fields[1].isBlank()) {
					return Mono.empty();
				}
				Instant asked = base.plus(Duration.ofMinutes(7L * index));
				return importPair(index + 2, fields, people.getT1(), people.getT2(), asked)
					.doOnTerminate(progress::step);
			}, 8))
			.count()
			.flatMap((count) -> this.records.finish(SITE).thenReturn(count))
			.doOnSuccess((count) -> progress.finish());
	}

	private Mono<String> importPair(int line, String[] fields, String askerId, String helperId, Instant asked) {
		String label = (fields.length > 2) ? fields[2].strip() : "0";
		List<String> tags = List.of(LABEL_TAGS.get(Math.max(0, Math.min(2, parse(label)))));
		Attribution source = new Attribution(SITE, "https://github.com/songys/Chatbot_data", "Youngsook Song",
				"MIT");
		Update question = new Update().setOnInsert("title", fields[0].strip())
			.setOnInsert("language", Language.of(fields[0]))
			.setOnInsert("body", fields[0].strip())
			.setOnInsert("bodyHtml", this.markdown.toSafeHtml(fields[0].strip()))
			.setOnInsert("bodyFormat", "markdown")
			.setOnInsert("tags", tags)
			.setOnInsert("authorId", askerId)
			.setOnInsert("score", 0)
			.setOnInsert("source", source)
			.setOnInsert("createdAt", asked)
			.setOnInsert("updatedAt", asked)
			.setOnInsert("lastActivityAt", asked)
			.setOnInsert("version", 1L)
			.setOnInsert("indexPending", true)
			.setOnInsert("indexedVersion", 0L);
		Instant answered = asked.plus(Duration.ofMinutes(3));
		return this.records.upsert("threads", "ko-chatbot:" + line, question).flatMap((threadId) -> this.records.upsert("answers",
				"ko-chatbot:" + line + ":answer", new Update().setOnInsert("threadId", threadId)
					.setOnInsert("authorId", helperId)
					.setOnInsert("body", fields[1].strip())
					.setOnInsert("bodyHtml", this.markdown.toSafeHtml(fields[1].strip()))
					.setOnInsert("bodyFormat", "markdown")
					.setOnInsert("score", 0)
					.setOnInsert("createdAt", answered)
					.setOnInsert("updatedAt", answered))
			.flatMap((answerId) -> this.mongo.updateFirst(Query.query(Criteria.where("_id").is(threadId)),
					new Update().set("answerCount", 1).set("answerIds", List.of(answerId)).set("firstAnswerAt", answered)
						.set("acceptedAnswerId", answerId)
						.set("status", ThreadStatus.SOLVED).set("solvedAt", answered), "threads"))
			.thenReturn(threadId));
	}

	/** Splits one CSV line (fields may be quoted, with "" for a quote). */
	static String[] splitCsv(String line) {
		List<String> fields = new java.util.ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields.toArray(String[]::new);
	}

	private static int parse(String label) {
		try {
			return Integer.parseInt(label);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static List<String> read(Path csv) {
		try (java.io.InputStream in = DumpRows.read(csv)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
