package dev.madang.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.madang.launch.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar madang.jar import stackexchange <dump folder>...} and {@code import korean <csv> [count]}: runs the
 * application without its indexer and with its web server on a loopback port only (imported threads are indexed when the app next runs), against the
 * configured storage (the embedded one by default; stop the running app first, it holds the file).
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && "import".equals(args[0]);
	}

	/** Runs the import; returns the process exit code. */
	public static int run(SpringApplication app, String[] args) {
		if (args.length < 3 || !List.of("stackexchange", "korean").contains(args[1])) {
			System.err.println("Usage: java -jar madang.jar import stackexchange <dump folder>...");
			System.err.println("       java -jar madang.jar import korean <ChatbotData.csv> [how many]");
			return 2;
		}
		// No search node for an import: the indexer is off and nothing connects to this address.
		app.setDefaultProperties(CommandLine.defaults(
				Map.of("madang.elasticsearch.url", "http://127.0.0.1:9")));
		try (ConfigurableApplicationContext context = app.run()) {
			if ("korean".equals(args[1])) {
				int count = (args.length > 3) ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
				long imported = context.getBean(KoreanQuestionsImport.class)
					.importPairs(Path.of(args[2]), count, System.out)
					.block(Duration.ofHours(2));
				System.out.printf("Korean questions: %,d%n", imported);
				return 0;
			}
			StackExchangeImport importer = context.getBean(StackExchangeImport.class);
			for (String folder : Arrays.copyOfRange(args, 2, args.length)) {
				Path path = Path.of(folder);
				if (!Files.isDirectory(path)) {
					System.err.println(folder + " is not a folder");
					return 2;
				}
				System.out.println(importer.importFolder(path, System.out).block(Duration.ofHours(2)));
			}
			return 0;
		}
	}

}
