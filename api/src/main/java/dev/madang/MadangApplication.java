package dev.madang;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.madang.embedded.EmbeddedServices;
import dev.madang.importing.ImportCommand;
import dev.madang.indexing.ReindexCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Madang, the customer community forum: the web application and API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MadangApplication {

	/**
	 * Settings for a command-line run ({@code import}, {@code reindex}) with {@code specific} on top: the web layer
	 * stays (its beans are part of the app) but listens only on a free loopback port; no indexer, demo content or
	 * demo accounts; quiet logs.
	 */
	public static Map<String, Object> commandLineDefaults(Map<String, Object> specific) {
		Map<String, Object> defaults = new HashMap<>(Map.of("server.port", "0", "server.address", "127.0.0.1",
				"madang.indexing.enabled", "false", "madang.events.enabled", "false", "madang.seed.enabled", "false", "madang.admin.demo-accounts",
				"false", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		defaults.putAll(specific);
		return defaults;
	}

	public static void main(String[] args) {
		EmbeddedServices embedded = new EmbeddedServices();
		if (ImportCommand.handles(args) || ReindexCommand.handles(args)) {
			SpringApplication application = new SpringApplication(MadangApplication.class);
			application.addListeners(embedded);
			int exit;
			try {
				exit = ImportCommand.handles(args) ? ImportCommand.run(application, args) : ReindexCommand.run(application);
			}
			finally {
				embedded.close();
			}
			System.exit(exit);
		}
		AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
		// Our own hook, so the embedded storage and node stop after the application, never under it.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				ConfigurableApplicationContext running = context.get();
				if (running != null) {
					running.close();
				}
			}
			finally {
				// Even when closing the application fails, the node and the storage must not outlive the JVM.
				embedded.close();
			}
		}, "madang-shutdown"));
		SpringApplication application = new SpringApplication(MadangApplication.class);
		application.addListeners(embedded);
		application.setRegisterShutdownHook(false);
		try {
			context.set(application.run(args));
		}
		catch (RuntimeException ex) {
			embedded.close();
			throw ex;
		}
	}

}
