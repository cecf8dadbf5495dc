package dev.madang.search;

import java.time.Duration;
import java.util.Map;

import dev.madang.launch.CommandLine;
import reactor.util.retry.Retry;

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

	private static boolean unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

	/** Runs the rebuild; returns the process exit code. */
	public static int run(SpringApplication app) {
		app.setDefaultProperties(CommandLine.defaults(Map.of("logging.level.dev.madang.search", "info")));
		try (ConfigurableApplicationContext context = app.run()) {
			// The embedded default starts its local node in the background: wait for it rather than fail.
			RebuildReport report = context.getBean(SearchRebuild.class).start()
				.retryWhen(Retry.fixedDelay(60, Duration.ofSeconds(2)).filter(ReindexCommand::unreachable))
				.block(Duration.ofHours(6));
			System.out.println("Search index rebuilt: " + report);
			return 0;
		}
		catch (RebuildRunningException ex) {
			System.err.println("A rebuild is running already (here or on another instance); try again when it ends.");
			return 1;
		}
	}

}
