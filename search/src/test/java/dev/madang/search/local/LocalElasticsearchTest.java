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
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest put = HttpRequest.newBuilder(URI.create(node.url() + "/restart-check/_doc/1?refresh=true"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"마당 restart\"}"))
			.build();
		assertThat(http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

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

	private static HttpResponse<String> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
