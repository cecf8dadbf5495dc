package dev.madang.identity;

import dev.madang.embedded.EmbeddedProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes sure someone can administer the community: the admin named by {@code MADANG_ADMIN_EMAIL} and
 * {@code MADANG_ADMIN_PASSWORD}, or, when none is set, demo accounts (admin, moderator, staff, customer) with random
 * passwords that are printed once and written to {@code <data-dir>/demo-accounts.txt}.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

	private static final Duration STORAGE_WAIT = Duration.ofMinutes(3);

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String DEMO_DOMAIN = "@demo.madang.dev";

	/** The demo staff account, which also publishes the demo's knowledge-base articles. */
	public static final String DEMO_STAFF_EMAIL = "staff" + DEMO_DOMAIN;

	private final AccountService accounts;

	private final AdminProperties admin;

	private final EmbeddedProperties embedded;

	AdminBootstrap(AccountService accounts, AdminProperties admin, EmbeddedProperties embedded) {
		this.accounts = accounts;
		this.admin = admin;
		this.embedded = embedded;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		AdminProperties admin = this.admin;
		// Start-up, on the main thread: waiting here is what makes the accounts exist before the first request. The
		// wait is long because a large embedded community keeps the storage busy for a while after start.
		if (StringUtils.hasText(admin.email()) && StringUtils.hasText(admin.password())) {
			this.accounts.ensureAccount(admin.email(), "Admin", admin.password(), EnumSet.of(Role.ADMIN))
				.block(STORAGE_WAIT);
			log.info("Administrator account: {}", admin.email());
			return;
		}
		if (!admin.demoAccounts()) {
			log.warn("No administrator configured: set MADANG_ADMIN_EMAIL and MADANG_ADMIN_PASSWORD");
			return;
		}
		List<DemoAccount> demo = List.of(new DemoAccount("admin", "Demo Admin", EnumSet.of(Role.ADMIN)),
				new DemoAccount("moderator", "Demo Moderator", EnumSet.of(Role.MODERATOR)),
				new DemoAccount("staff", "Demo Staff", EnumSet.of(Role.STAFF)),
				new DemoAccount("customer", "김고객", EnumSet.of(Role.MEMBER)));
		StringBuilder created = new StringBuilder();
		Flux.fromIterable(demo).concatMap((account) -> {
			String password = randomPassword();
			String email = account.name() + DEMO_DOMAIN;
			return this.accounts.findByEmail(email)
				.hasElement()
				.filter((exists) -> !exists)
				.flatMap((absent) -> this.accounts.ensureAccount(email, account.displayName(), password, account.roles()))
				.doOnNext((saved) -> created.append(String.format("%-28s %s  (%s)%n", email, password,
						String.join(", ", saved.getRoles().stream().map(Role::id).sorted().toList()))));
		}).then().block(STORAGE_WAIT);
		if (created.length() > 0) {
			writeDemoAccounts(created.toString());
		}
		else {
			log.info("Demo accounts exist; their passwords are in {}", demoFile());
		}
	}

	private void writeDemoAccounts(String table) {
		log.warn("""

				No administrator configured (set MADANG_ADMIN_EMAIL and MADANG_ADMIN_PASSWORD for a real one).
				Demo accounts created; sign in at /login with:
				{}(also written to {})""", table, demoFile());
		try {
			Files.createDirectories(demoFile().getParent());
			Files.writeString(demoFile(), "Madang demo accounts (email, password, roles)\n" + table);
		}
		catch (IOException ex) {
			log.warn("Could not write {}: {}", demoFile(), ex.getMessage());
		}
	}

	private Path demoFile() {
		return Path.of(this.embedded.dataDir(), "demo-accounts.txt").toAbsolutePath();
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

	private record DemoAccount(String name, String displayName, Set<Role> roles) {
	}

}
