package dev.madang.search.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the real Elasticsearch server distribution that Maven Central publishes as
 * {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip}, downloading it
 * into the local Maven repository when absent, and unpacks it once into an installation folder.
 */
public final class ElasticsearchDistribution {

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);

	private static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2";

	private static final String GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";

	private static final String UNPACKED_MARKER = ".madang-unpacked";

	private final String version;

	public ElasticsearchDistribution(String version) {
		this.version = version;
	}

	public String version() {
		return this.version;
	}

	/** The unpacked distribution under {@code installRoot}, unpacking (and downloading) it when needed. */
	public Path install(Path installRoot) {
		Path home = installRoot.resolve("elasticsearch-" + this.version);
		if (Files.exists(home.resolve(UNPACKED_MARKER))) {
			return home;
		}
		Path zip = zip();
		try {
			Files.createDirectories(installRoot);
			Path staging = Files.createTempDirectory(installRoot, ".unpacking-");
			log.info("Unpacking {} into {}", zip.getFileName(), home);
			unzip(zip, staging);
			// The zip holds one top-level folder, elasticsearch-<version>.
			Path unpacked = staging.resolve("elasticsearch-" + this.version);
			markExecutable(unpacked.resolve("bin"));
			Files.createFile(unpacked.resolve(UNPACKED_MARKER));
			if (Files.exists(home)) {
				deleteRecursively(home);
			}
			Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
			deleteRecursively(staging);
			return home;
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not unpack " + zip + " into " + installRoot + ": " + ex.getMessage()
					+ " (is there enough free disk, and may this user write there?)", ex);
		}
	}

	/** The distribution zip in the local Maven repository, downloaded from Maven Central when missing. */
	public Path zip() {
		String relative = GROUP_PATH + "/" + this.version + "/elasticsearch-" + this.version + ".zip";
		Path local = localMavenRepository().resolve(relative);
		if (Files.isRegularFile(local)) {
			return local;
		}
		download(URI.create(MAVEN_CENTRAL + "/" + relative), local);
		return local;
	}

	static Path localMavenRepository() {
		String configured = System.getProperty("maven.repo.local");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static void download(URI uri, Path target) {
		log.info("Downloading the Elasticsearch distribution (about 107 MB, once) from {}", uri);
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(20))
			.build();
		try {
			Files.createDirectories(target.getParent());
			Path partial = Files.createTempFile(target.getParent(), "download-", ".part");
			HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofFile(partial));
			if (response.statusCode() != 200) {
				Files.deleteIfExists(partial);
				throw new LocalElasticsearchException("Downloading " + uri + " answered HTTP " + response.statusCode());
			}
			String expected = http.send(HttpRequest.newBuilder(URI.create(uri + ".sha1")).build(),
					HttpResponse.BodyHandlers.ofString()).body().trim().split("\\s+")[0];
			String actual = sha1(partial);
			if (!actual.equalsIgnoreCase(expected)) {
				Files.deleteIfExists(partial);
				throw new LocalElasticsearchException("Checksum mismatch for " + uri + ": expected " + expected + ", got " + actual);
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not download " + uri + " to " + target + ": " + ex.getMessage()
					+ ". Run './mvnw dependency:get -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
					+ target.getParent().getFileName() + ":zip' or set MADANG_ELASTICSEARCH_URL to an existing node.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalElasticsearchException("Interrupted while downloading " + uri, ex);
		}
	}

	private static String sha1(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-1");
			byte[] buffer = new byte[1 << 16];
			for (int read; (read = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
				Path destination = target.resolve(entry.getName()).normalize();
				if (!destination.startsWith(target)) {
					throw new IOException("Zip entry outside the target folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					continue;
				}
				Files.createDirectories(destination.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void markExecutable(Path bin) throws IOException {
		try (var files = Files.list(bin)) {
			files.forEach((file) -> file.toFile().setExecutable(true, false));
		}
	}

	static void deleteRecursively(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
