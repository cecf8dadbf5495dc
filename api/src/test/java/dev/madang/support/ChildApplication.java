package dev.madang.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MadangApplication.main} in a separate JVM on the test classpath, on its own data folder and embedded
 * storage port, for tests that kill it with SIGKILL and start it again on the same data.
 */
public record ChildApplication(Process process, String base) {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public static ChildApplication start(Path dataDir, String elasticsearch, String prefix, int mongoPort,
			String... extraArguments) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				"dev.madang.MadangApplication", "--server.port=" + port, "--server.address=127.0.0.1",
				"--madang.embedded.data-dir=" + dataDir, "--madang.embedded.mongodb-port=" + mongoPort,
				"--madang.elasticsearch.url=" + elasticsearch, "--madang.search.index-prefix=" + prefix,
				"--madang.seed.enabled=false", "--madang.admin.demo-accounts=false",
				"--madang.rate-limits.writes-per-user=100000", "--madang.rate-limits.writes-per-ip=100000",
				"--madang.rate-limits.sign-ups-per-ip=1000", "--madang.rate-limits.tokens-per-user=1000",
				"--madang.rate-limits.logins-per-ip=1000", "--madang.moderation.new-members.period=0s",
				"--logging.level.root=warn"));
		command.addAll(List.of(extraArguments));
		Path log = dataDir.resolve("app-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ChildApplication app = new ChildApplication(process, "http://127.0.0.1:" + port);
		try {
			Deadline.awaitTrue(Duration.ofMinutes(2), () -> app.healthy() || !process.isAlive(), "the application answers");
		}
		finally {
			if (!process.isAlive() || !app.healthy()) {
				List<String> lines = Files.readAllLines(log);
				throw new IllegalStateException("The application did not start:\n"
						+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
			}
		}
		return app;
	}

	public boolean healthy() {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/threads")).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public String memberToken() throws Exception {
		return token("asker-" + UUID.randomUUID() + "@example.com", "kettle-whistle-" + UUID.randomUUID());
	}

	/** Opens an account (unless it exists: an admin from {@code madang.admin.*}) and returns a bearer token for it. */
	public String token(String email, String password) throws Exception {
		postAny("/api/v1/accounts", null, "{\"email\":\"" + email + "\",\"displayName\":\"Asker\",\"password\":\""
				+ password + "\"}");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		String body = post("/api/v1/tokens", basic, "{\"name\":\"crash test\"}", 201);
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return "Bearer " + token.group(1);
	}

	/** Asks a question; returns its id, or null when the answer was not 201. */
	public String ask(String bearer, String title) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(json("/api/v1/threads", bearer,
				"{\"title\":\"" + title + "\",\"body\":\"It whistles a minute early every time.\",\"tags\":[]}"),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			return null;
		}
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"").matcher(response.body());
		return id.find() ? id.group(1) : null;
	}

	public boolean indexed(String elasticsearch, String prefix, String id) throws Exception {
		HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + prefix
				+ "-posts/_doc/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
		return found.statusCode() == 200 && found.body().contains("\"found\":true");
	}

	/** Posts JSON and returns the body, whatever the status. */
	public HttpResponse<String> postAny(String path, String authorization, String body) throws Exception {
		return HTTP.send(json(path, authorization, body), HttpResponse.BodyHandlers.ofString());
	}

	public String post(String path, String authorization, String body, int status) throws Exception {
		HttpResponse<String> response = HTTP.send(json(path, authorization, body), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response.body();
	}

	private HttpRequest json(String path, String authorization, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request.build();
	}

	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
	}

}
