package dev.madang.search.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Madang's Korean and English analysis plugin (module {@code search/analysis-plugin}), bundled in this jar and
 * installed into the local node's distribution with {@code bin/elasticsearch-plugin} before the node starts: the
 * node ships no Korean analysis and no English stemmer, and the index definition uses both. Installed once per
 * plugin build (a marker holds the zip's SHA-256).
 */
final class AnalysisPlugin {

	static final String NAME = "madang-analysis";

	private static final String RESOURCE = "madang-analysis.zip";

	private static final Logger log = LoggerFactory.getLogger(AnalysisPlugin.class);

	private AnalysisPlugin() {
	}

	static void installInto(Path home) {
		byte[] zip = bundledZip();
		String digest = sha256(zip);
		Path pluginDir = home.resolve("plugins").resolve(NAME);
		Path marker = home.resolve("." + NAME + ".sha256");
		try {
			if (Files.isDirectory(pluginDir) && Files.isRegularFile(marker) && Files.readString(marker).equals(digest)) {
				return;
			}
			if (Files.exists(pluginDir)) {
				deleteRecursively(pluginDir);
			}
			Path file = Files.createTempFile("madang-analysis-", ".zip");
			try {
				Files.write(file, zip);
				run(home, "install", "--batch", file.toUri().toString());
			}
			finally {
				Files.deleteIfExists(file);
			}
			Files.writeString(marker, digest);
			log.info("Installed the {} plugin into {}", NAME, home);
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not install the " + NAME + " plugin into " + home + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static void run(Path home, String... arguments) throws IOException {
		String[] command = new String[arguments.length + 1];
		command[0] = home.resolve("bin").resolve("elasticsearch-plugin").toString();
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("JAVA_HOME");
		builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
		builder.environment().remove("ES_PATH_CONF");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IOException("elasticsearch-plugin " + String.join(" ", arguments) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while installing the plugin", ex);
		}
	}

	private static byte[] bundledZip() {
		try (InputStream stream = AnalysisPlugin.class.getResourceAsStream(RESOURCE)) {
			if (stream == null) {
				throw new LocalElasticsearchException("The analysis plugin is missing from the search module: build with "
						+ "./mvnw package (or verify), which builds search/analysis-plugin first and bundles it");
			}
			return stream.readAllBytes();
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not read the bundled analysis plugin: " + ex.getMessage(), ex);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
