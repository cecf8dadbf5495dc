package dev.madang.importing;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.madang.MadangProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty community, loads the demo content from {@code madang.seed.data-dir}: real Stack
 * Exchange questions and answers (CC BY-SA, attributed on every page) and Korean questions. It runs in the background
 * after start-up; the app serves meanwhile and the content appears as it is stored and indexed.
 */
@Component
class DemoCommunity {

	private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

	private final MadangProperties.Seed seed;

	private final ReactiveMongoTemplate mongo;

	private final StackExchangeImport stackExchange;

	private final KoreanQuestionsImport korean;

	DemoCommunity(MadangProperties properties, ReactiveMongoTemplate mongo, StackExchangeImport stackExchange,
			KoreanQuestionsImport korean) {
		this.seed = properties.seed();
		this.mongo = mongo;
		this.stackExchange = stackExchange;
		this.korean = korean;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedWhenEmpty() {
		if (!this.seed.enabled()) {
			return;
		}
		Path data = Path.of(this.seed.dataDir()).toAbsolutePath().normalize();
		if (!Files.isDirectory(data)) {
			log.info("No demo data at {} (madang.seed.data-dir); starting with an empty community", data);
			return;
		}
		this.mongo.count(new Query(), "threads")
			.filter((count) -> count == 0)
			.flatMapMany((empty) -> {
				log.info("Empty community: loading the demo content from {} in the background", data);
				return Flux.fromIterable(this.seed.stackExchange())
					.map(data::resolve)
					.filter(Files::isDirectory)
					.concatMap((folder) -> this.stackExchange.importFolder(folder, null)
						.doOnNext((report) -> log.info("Demo content: {}", report)))
					.then(koreanQuestions(data));
			})
			.onErrorResume((failure) -> {
				log.warn("Loading the demo content failed: {}", failure.toString());
				return Mono.empty();
			})
			.subscribe();
	}

	private Mono<Void> koreanQuestions(Path data) {
		Path csv = data.resolve("ko-chatbot-data").resolve("ChatbotData.csv");
		if (this.seed.koreanQuestions() <= 0 || !Files.isRegularFile(csv)) {
			return Mono.empty();
		}
		return this.korean.importPairs(csv, this.seed.koreanQuestions(), null)
			.doOnNext((count) -> log.info("Demo content: {} Korean questions (songys/Chatbot_data, MIT)", count))
			.then();
	}

}
