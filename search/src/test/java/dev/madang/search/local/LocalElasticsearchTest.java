package dev.madang.search.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalElasticsearchTest {

	private static final Path INSTALL_ROOT = Path.of("target", "elasticsearch").toAbsolutePath();

	private static LocalElasticsearch node;

	@BeforeAll
	static void startNode() throws Exception {
		Path nodeDir = Files.createTempDirectory(Path.of("target"), "node-").toAbsolutePath();
		node = new LocalElasticsearch(LocalElasticsearchSettings.under(INSTALL_ROOT, nodeDir)).start();
	}

	@AfterAll
	static void stopNode() {
		node.stop();
	}

	@Test
	void startedNodeAnswersClusterHealthGreenOrYellow() throws Exception {
		HttpResponse<String> health = get(node.url() + "/_cluster/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");
	}

	@Test
	void documentsSurviveAStopAndRestartOnTheSamePort() throws Exception {
		assertThat(put(node.url() + "/restart-check/_doc/1?refresh=true", "{\"title\":\"마당 restart\"}").statusCode())
			.isEqualTo(201);

		node.stop();
		assertThat(node.isRunning()).isFalse();
		assertThatThrownBy(() -> get(node.url() + "/_cluster/health")).isInstanceOf(java.io.IOException.class);

		node.start();
		HttpResponse<String> document = get(node.url() + "/restart-check/_doc/1");
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains("마당 restart");
	}

	@Test
	void aTakenPortIsReportedClearly() throws Exception {
		Path otherDir = Files.createTempDirectory(Path.of("target"), "node-").toAbsolutePath();
		LocalElasticsearch clash = new LocalElasticsearch(
				LocalElasticsearchSettings.under(INSTALL_ROOT, otherDir).withHttpPort(node.httpPort()));
		assertThatThrownBy(clash::start).isInstanceOf(LocalElasticsearchException.class)
			.hasMessageContaining("Port " + node.httpPort() + " is already in use");
	}

	/**
	 * Root's home is closed to other users on Debian: a clone there must still get a working node. The node's files go
	 * where the service user can reach them, and the closed folder keeps its permissions.
	 */
	@Test
	void rootStartsANodeFromAFolderOtherUsersCannotEnter() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(LocalElasticsearch.runsAsRoot(), "only root hands the node over");
		Path closed = Files.createTempDirectory(Path.of("target"), "closed-").toAbsolutePath();
		Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		LocalElasticsearch locked = new LocalElasticsearch(
				LocalElasticsearchSettings.under(closed.resolve("elasticsearch"), closed.resolve("elasticsearch/node")));
		try {
			locked.start();
			assertThat(locked.nodeDir()).startsWith(Placement.SERVICE_ROOT);
			assertThat(put(locked.url() + "/closed-check/_doc/1?refresh=true", "{\"title\":\"마당 from a closed folder\"}")
				.statusCode()).isEqualTo(201);
			HttpResponse<String> found = get(locked.url() + "/closed-check/_search?q=title:closed");
			assertThat(found.body()).contains("마당 from a closed folder");
			assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)))
				.isEqualTo("rwx------");
		}
		finally {
			locked.stop();
			deleteRecursively(locked.nodeDir());
		}
	}

	private static void deleteRecursively(Path folder) throws java.io.IOException {
		if (Files.exists(folder)) {
			try (var paths = Files.walk(folder)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private static HttpResponse<String> put(String url, String json) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
