package dev.madang;

import java.util.concurrent.atomic.AtomicReference;

import dev.madang.embedded.EmbeddedServices;
import dev.madang.importing.ImportCommand;
import dev.madang.search.ReindexCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** Madang, the customer community forum: the web application and API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MadangApplication {

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
