package dev.madang.search.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how a local Elasticsearch node runs.
 *
 * @param version the Elasticsearch distribution version (the one this module's client and analysis are built for)
 * @param installRoot the folder the distribution is unpacked into, shared by nodes
 * @param nodeDir the node's own folder: data, logs, config and pid file
 * @param httpPort the HTTP port, or 0 for any free port
 * @param heap the JVM heap size, such as {@code 512m}
 * @param startTimeout how long to wait for the node to become healthy
 */
public record LocalElasticsearchSettings(String version, Path installRoot, Path nodeDir, int httpPort, String heap,
		Duration startTimeout) {

	public static final String DEFAULT_VERSION = "8.19.21";

	public static LocalElasticsearchSettings under(Path installRoot, Path nodeDir) {
		return new LocalElasticsearchSettings(DEFAULT_VERSION, installRoot, nodeDir, 0, "512m", Duration.ofMinutes(3));
	}

	public LocalElasticsearchSettings withHttpPort(int port) {
		return new LocalElasticsearchSettings(this.version, this.installRoot, this.nodeDir, port, this.heap,
				this.startTimeout);
	}

}
