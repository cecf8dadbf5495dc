package dev.madang.search.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One single-node Elasticsearch server started from the real distribution, for tests and the embedded default.
 * When the JVM runs as root (Elasticsearch refuses that), the node runs as the system user {@value #SERVICE_USER}.
 * A node left running by a killed JVM is found through its pid file and stopped before a new one starts.
 */
public final class LocalElasticsearch implements AutoCloseable {

	public static final String SERVICE_USER = "madang-es";

	private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

	private static final long MIN_FREE_DISK_BYTES = 1L << 30;

	private final LocalElasticsearchSettings settings;

	private final int httpPort;

	private final int transportPort;

	private Path home;

	private volatile Path nodeDir;

	private volatile Process process;

	private volatile boolean stopRequested;

	public LocalElasticsearch(LocalElasticsearchSettings settings) {
		this.settings = settings;
		this.httpPort = (settings.httpPort() != 0) ? settings.httpPort() : freePort();
		this.transportPort = freePort();
	}

	/** Starts the node and waits until it is healthy; calling it on a running node does nothing. */
	public synchronized LocalElasticsearch start() {
		if (isRunning()) {
			return this;
		}
		this.stopRequested = false;
		Instant begin = Instant.now();
		Placement placement = runsAsRoot() ? Placement.reachableBy(SERVICE_USER, this.settings)
				: new Placement(this.settings.installRoot(), this.settings.nodeDir());
		this.home = new ElasticsearchDistribution(this.settings.version()).install(placement.installRoot());
		AnalysisPlugin.installInto(this.home);
		Path nodeDir = placement.nodeDir();
		this.nodeDir = nodeDir;
		stopLeftoverNode(nodeDir.resolve("elasticsearch.pid"));
		prepareNodeDirectory(nodeDir);
		checkPortFree(this.httpPort);
		checkPortFree(this.transportPort);
		if (runsAsRoot()) {
			handOverToServiceUser(nodeDir);
		}
		Path consoleLog = nodeDir.resolve("logs").resolve("console.log");
		ProcessBuilder builder = new ProcessBuilder(command(nodeDir))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
		builder.environment().remove("JAVA_HOME");
		builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("ES_PATH_CONF", nodeDir.resolve("config").toString());
		builder.environment().put("ES_TMPDIR", nodeDir.resolve("tmp").toString());
		builder.environment().put("ES_JAVA_OPTS", "-Xms" + this.settings.heap() + " -Xmx" + this.settings.heap());
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not start " + this.home + "/bin/elasticsearch: " + ex.getMessage(), ex);
		}
		if (this.stopRequested) {
			stop();
			throw new LocalElasticsearchException("Stopped while starting");
		}
		awaitHealthy(this.process, consoleLog);
		log.info("Elasticsearch {} is healthy at {} after {} ms (data in {})", this.settings.version(), url(),
				Duration.between(begin, Instant.now()).toMillis(), nodeDir);
		return this;
	}

	/**
	 * Stops the node (SIGTERM, then a forced kill after a grace period); its data stays for the next start. Called
	 * while another thread starts the node, it makes that start fail instead of waiting for it.
	 */
	public void stop() {
		this.stopRequested = true;
		Process running = this.process;
		if (running == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>(running.descendants().toList());
		tree.add(running.toHandle());
		running.destroy();
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	public String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	public int httpPort() {
		return this.httpPort;
	}

	/** Where the node keeps its data, logs and config: the configured folder, or where root moved it ({@link Placement}). */
	public Path nodeDir() {
		return (this.nodeDir != null) ? this.nodeDir : this.settings.nodeDir();
	}

	private List<String> command(Path nodeDir) {
		List<String> command = new ArrayList<>();
		if (runsAsRoot()) {
			command.addAll(List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--clear-groups"));
		}
		command.add(this.home.resolve("bin").resolve("elasticsearch").toString());
		command.addAll(List.of("-p", nodeDir.resolve("elasticsearch.pid").toString()));
		for (String setting : List.of("discovery.type=single-node", "xpack.security.enabled=false",
				"network.host=127.0.0.1", "http.port=" + this.httpPort, "transport.port=" + this.transportPort,
				"cluster.name=madang-local", "node.name=madang-local",
				"path.data=" + nodeDir.resolve("data"), "path.logs=" + nodeDir.resolve("logs"),
				// A developer's nearly full disk must not turn the node read-only.
				"cluster.routing.allocation.disk.threshold_enabled=false")) {
			command.add("-E" + setting);
		}
		return command;
	}

	private void prepareNodeDirectory(Path nodeDir) {
		try {
			for (String sub : List.of("data", "logs", "tmp")) {
				Files.createDirectories(nodeDir.resolve(sub));
			}
			Path config = nodeDir.resolve("config");
			if (!Files.exists(config)) {
				copyRecursively(this.home.resolve("config"), config);
			}
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not prepare " + nodeDir + ": " + ex.getMessage()
					+ " (may this user write there?)", ex);
		}
		long free = nodeDir.toFile().getUsableSpace();
		if (free < MIN_FREE_DISK_BYTES) {
			throw new LocalElasticsearchException("Only " + (free >> 20) + " MB of disk are free under " + nodeDir
					+ "; the local Elasticsearch node needs at least 1 GB.");
		}
	}

	private void handOverToServiceUser(Path nodeDir) {
		if (run("id", "-u", SERVICE_USER) != 0) {
			log.info("Running as root: creating the system user {} for Elasticsearch", SERVICE_USER);
			if (run("useradd", "-r", "-M", "-s", "/usr/sbin/nologin", SERVICE_USER) != 0) {
				throw new LocalElasticsearchException("Elasticsearch refuses to run as root and the system user "
						+ SERVICE_USER + " could not be created with useradd.");
			}
		}
		String owner = SERVICE_USER + ":" + SERVICE_USER;
		if (run("chown", "-R", owner, this.home.toString(), nodeDir.toString()) != 0) {
			throw new LocalElasticsearchException("Could not hand " + this.home + " and " + nodeDir + " to " + SERVICE_USER);
		}
		if (run("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--clear-groups", "sh", "-c",
				"test -x \"$1\" && test -w \"$2\"", "sh", this.home.resolve("bin/elasticsearch").toString(),
				nodeDir.resolve("data").toString()) != 0) {
			throw new LocalElasticsearchException("The user " + SERVICE_USER + " cannot reach " + this.home + " or "
					+ nodeDir + ": every parent folder must be traversable by other users (chmod o+x).");
		}
	}

	private void awaitHealthy(Process starting, Path consoleLog) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(this.settings.startTimeout());
		while (Instant.now().isBefore(deadline)) {
			if (this.stopRequested) {
				throw new LocalElasticsearchException("Stopped while starting");
			}
			if (!starting.isAlive()) {
				throw new LocalElasticsearchException("Elasticsearch exited with code " + starting.exitValue()
						+ " while starting. Last lines of " + consoleLog + ":\n" + tail(consoleLog));
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				stop();
				throw new LocalElasticsearchException("Interrupted while waiting for Elasticsearch", ex);
			}
			sleep(250);
		}
		stop();
		throw new LocalElasticsearchException("Elasticsearch was not healthy within " + this.settings.startTimeout()
				+ ". Last lines of " + consoleLog + ":\n" + tail(consoleLog));
	}

	private static void stopLeftoverNode(Path pidFile) {
		Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().commandLine().map((line) -> line.contains("elasticsearch")).orElse(false));
		leftover.ifPresent((handle) -> {
			log.warn("Stopping an Elasticsearch node (pid {}) left running by an earlier process", handle.pid());
			handle.destroy();
			try {
				handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		});
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void checkPortFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Port " + port + " is already in use on 127.0.0.1; "
					+ "stop what uses it or choose another port for the local Elasticsearch node.", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("No free port on 127.0.0.1", ex);
		}
	}

	static boolean runsAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int run(String... command) {
		try {
			Process child = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return child.waitFor();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void copyRecursively(Path source, Path target) throws IOException {
		try (var paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
