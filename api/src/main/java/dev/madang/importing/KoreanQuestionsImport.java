package dev.madang.importing;

import dev.madang.answer.AnswerImport;
import dev.madang.answer.AnswerImports;
import dev.madang.thread.QuestionImport;
import dev.madang.thread.ThreadImports;
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
import dev.madang.thread.Attribution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	private final AccountService accounts;

	private final Clock clock;

	private final ImportedRecords records;

	private final ThreadImports threads;

	private final AnswerImports answers;

	KoreanQuestionsImport(AccountService accounts, Clock clock, ImportedRecords records, ThreadImports threads,
			AnswerImports answers) {
		this.records = records;
		this.accounts = accounts;
		this.clock = clock;
		this.threads = threads;
		this.answers = answers;
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
		Instant answered = asked.plus(Duration.ofMinutes(3));
		String key = "ko-chatbot:" + line;
		return this.threads.question(new QuestionImport(key, fields[0].strip(), fields[0].strip(), "markdown", tags,
				askerId, 0, source, asked, asked))
			.flatMap((threadId) -> this.answers.answer(new AnswerImport(key + ":answer", threadId, helperId,
					fields[1].strip(), "markdown", 0, answered))
				.flatMap((answerId) -> this.threads.answered(threadId, List.of(answerId), answered, answerId, answered))
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
