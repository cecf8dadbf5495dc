package dev.madang.indexing;

import java.time.Duration;
import java.util.Map;

import dev.madang.MadangApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar madang.jar reindex}: rebuilds the search index from the configured storage and moves the alias to
 * it, while running instances keep searching and writing. Runs the application without its indexer and with its web
 * server on a loopback port only. Against the embedded default, stop the running app first: it holds the files.
 */
public final class ReindexCommand {

	private ReindexCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && "reindex".equals(args[0]);
	}

	/** Runs the rebuild; returns the process exit code. */
	public static int run(SpringApplication app) {
		app.setDefaultProperties(MadangApplication.commandLineDefaults(Map.of("logging.level.dev.madang.indexing", "info")));
		try (ConfigurableApplicationContext context = app.run()) {
			RebuildReport report = context.getBean(SearchRebuild.class).start().block(Duration.ofHours(6));
			System.out.println("Search index rebuilt: " + report);
			return 0;
		}
		catch (RebuildRunningException ex) {
			System.err.println("A rebuild is running already (here or on another instance); try again when it ends.");
			return 1;
		}
	}

}
