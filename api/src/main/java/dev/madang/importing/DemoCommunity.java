package dev.madang.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import dev.madang.area.AreaRequest;
import dev.madang.area.ProductAreas;
import dev.madang.knowledge.DemoArticles;
import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.thread.ThreadImports;
import dev.madang.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * On the first start of an empty community, loads the demo content: real Stack Exchange questions and answers (CC BY-SA,
 * attributed on every page) and Korean questions, from the slices bundled with the application, or from the folder
 * {@code madang.seed.data-dir} names for a bigger demo. It runs in the background after start-up; the app serves
 * meanwhile and the content appears as it is stored and indexed.
 */
@Component
class DemoCommunity {

	private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

	private final SeedProperties seed;

	private final ThreadImports threads;

	private final StackExchangeImport stackExchange;

	private final KoreanQuestionsImport korean;

	private final ProductAreas areas;

	private final Outbox outbox;

	private final java.time.Clock clock;

	private final DemoArticles articles;

	/** English and Korean names of the demo's areas, by slug. */
	private static final Map<String, String[]> DEMO_AREAS = Map.of("coffee", new String[] { "Coffee", "커피" },
			"cardano", new String[] { "Cardano", "카르다노" }, "ai", new String[] { "AI", "인공지능" },
			"everyday", new String[] { "Everyday life", "일상" });

	DemoCommunity(SeedProperties seed, ThreadImports threads, StackExchangeImport stackExchange,
			KoreanQuestionsImport korean, ProductAreas areas, Outbox outbox, java.time.Clock clock,
			DemoArticles articles) {
		this.articles = articles;
		this.areas = areas;
		this.outbox = outbox;
		this.clock = clock;
		this.seed = seed;
		this.threads = threads;
		this.stackExchange = stackExchange;
		this.korean = korean;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedWhenEmpty() {
		if (!this.seed.enabled()) {
			return;
		}
		this.threads.none()
			.filter(Boolean::booleanValue)
			.flatMap((empty) -> Mono.usingWhen(Mono.fromCallable(this::dataFolder).subscribeOn(Schedulers.boundedElastic()),
					this::load, this::cleanUp))
			.onErrorResume((failure) -> {
				log.warn("Loading the demo content failed: {}", failure.toString());
				return Mono.empty();
			})
			.subscribe();
	}

	/** The configured data folder when it exists, else the bundled slices copied out of the application. */
	private DataFolder dataFolder() {
		String configured = this.seed.dataDir();
		if (configured != null && !configured.isBlank()) {
			Path data = Path.of(configured).toAbsolutePath().normalize();
			if (Files.isDirectory(data)) {
				log.info("Empty community: loading the demo content from {} in the background", data);
				return new DataFolder(data, false);
			}
			log.warn("No demo data at {} (madang.seed.data-dir): loading the bundled demo community instead", data);
		}
		log.info("Empty community: loading the bundled demo community in the background");
		return new DataFolder(BundledDemo.extract(), true);
	}

	private Mono<Void> load(DataFolder data) {
		return Flux.fromIterable(this.seed.stackExchange())
			.map(data.path()::resolve)
			.filter(Files::isDirectory)
			.concatMap((folder) -> this.stackExchange.importFolder(folder, null)
				.doOnNext((report) -> log.info("Demo content: {}", report))
				.flatMap((report) -> fileUnderArea("^se:" + Pattern.quote(report.site()) + ":", report.site())))
			.then(koreanQuestions(data.path()))
			.then(fileUnderArea("^ko-chatbot:", "everyday"))
			.then(this.articles.publish("^se:", "^ko-chatbot:"));
	}

	private Mono<Void> cleanUp(DataFolder data) {
		// A temporary folder left behind is harmless: the system cleans it up eventually.
		return data.temporary()
				? Mono.fromCallable(() -> FileSystemUtils.deleteRecursively(data.path())).onErrorComplete().then()
				: Mono.empty();
	}

	/** Where the demo's data sets are; a temporary copy of the bundled ones is deleted after the import. */
	private record DataFolder(Path path, boolean temporary) {
	}

	/**
	 * Files the demo's imported questions under a product area of their own (one per source site), so the demo shows
	 * lists by area the way a company's community would.
	 */
	private Mono<Void> fileUnderArea(String importKeyPattern, String site) {
		String slug = site.replaceFirst("\\..*$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
		String name = DEMO_AREAS.getOrDefault(slug, new String[] { slug, null })[0];
		String nameKo = DEMO_AREAS.getOrDefault(slug, new String[] { slug, null })[1];
		return this.areas.create(new AreaRequest(slug, name, nameKo, false))
			.onErrorResume(ProblemException.class, (exists) -> Mono.empty())
			.then(this.threads.fileUnder(importKeyPattern, slug))
			.then(this.outbox.publish(DomainEvent.of(EventType.QUESTIONS_IMPORTED, "demo:" + slug, null, null,
					this.clock.instant(), "site", site, "area", slug, "importKeyPattern", importKeyPattern)));
	}

	private Mono<Void> koreanQuestions(Path data) {
		Path csv = DumpRows.find(data.resolve("ko-chatbot-data"), "ChatbotData.csv");
		if (this.seed.koreanQuestions() <= 0 || csv == null) {
			return Mono.empty();
		}
		return this.korean.importPairs(csv, this.seed.koreanQuestions(), null)
			.doOnNext((count) -> log.info("Demo content: {} Korean questions (songys/Chatbot_data, MIT)", count))
			.then();
	}

}
