package dev.madang.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo community loaded on first start when the database has no threads.
 *
 * @param enabled whether to seed at all
 * @param dataDir a folder of bigger data sets to load instead of the bundled demo community (Stack Exchange dump
 * folders and {@code ko-chatbot-data}); empty for the bundled one
 * @param stackExchange the dump folders to import
 * @param koreanQuestions how many Korean question/answer pairs to add
 */
@ConfigurationProperties("madang.seed")
public record SeedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String dataDir,
		@DefaultValue({ "se-coffee-posts", "se-cardano", "se-ai" }) java.util.List<String> stackExchange,
		@DefaultValue("300") int koreanQuestions) {
}
