package dev.madang.launch;

import java.util.HashMap;
import java.util.Map;

/** What a command-line run of the application ({@code import}, {@code reindex}) starts with. */
public final class CommandLine {

	private CommandLine() {
	}

	/**
	 * Settings for a command-line run ({@code import}, {@code reindex}) with {@code specific} on top: the web layer
	 * stays (its beans are part of the app) but listens only on a free loopback port; no indexer, demo content or
	 * demo accounts; quiet logs.
	 */
	public static Map<String, Object> defaults(Map<String, Object> specific) {
		Map<String, Object> defaults = new HashMap<>(Map.of("server.port", "0", "server.address", "127.0.0.1",
				"madang.indexing.enabled", "false", "madang.events.enabled", "false", "madang.seed.enabled", "false", "madang.admin.demo-accounts",
				"false", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		defaults.putAll(specific);
		return defaults;
	}

}
