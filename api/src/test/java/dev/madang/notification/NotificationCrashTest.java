package dev.madang.notification;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import dev.madang.support.ChildApplication;
import dev.madang.support.Deadline;
import dev.madang.support.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in its own JVM, with a real SMTP server and a real webhook receiver, killed with SIGKILL in the
 * middle of a burst of answers (each one an email to the asker and a webhook delivery), then started again on the same
 * data: every email and every delivery the stored answers call for arrives, none goes missing. An email or delivery
 * that was on the wire at the kill is sent again with the same Message-ID / delivery id (an SMTP server or HTTP
 * receiver cannot be asked what it got), so each logical message reaches the receiver once by its id.
 */
class NotificationCrashTest {

	@TempDir
	Path dataDir;

	@Test
	void killedInABurstOfEmailsAndWebhooksLosesNoneAndRepeatsNoneByIdAfterRestart() throws Exception {
		int smtpPort = ChildApplication.freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		List<String> deliveries = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			deliveries.add(exchange.getRequestHeaders().getFirst("X-Madang-Delivery"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		String elasticsearch = TestInfrastructure.search().url();
		String prefix = "ncrash-" + UUID.randomUUID().toString().substring(0, 8);
		int mongoPort = ChildApplication.freePort();
		String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
		String adminPassword = "admin-password-" + UUID.randomUUID();
		String[] arguments = { "--madang.mail.host=127.0.0.1", "--madang.mail.port=" + smtpPort,
				"--madang.mail.delay=0s", "--madang.mail.poll-interval=100ms", "--madang.mail.daily-cap=100000",
				"--madang.mail.timeout=3s", "--madang.webhooks.poll-interval=100ms", "--madang.webhooks.timeout=2s",
				"--madang.admin.email=" + adminEmail, "--madang.admin.password=" + adminPassword };
		try {
			ChildApplication first = ChildApplication.start(this.dataDir, elasticsearch, prefix, mongoPort, arguments);
			String asker;
			try {
				String admin = first.token(adminEmail, adminPassword);
				first.post("/api/v1/admin/webhooks", admin, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
						+ "/hook\",\"kinds\":[\"answer.posted\"],\"allowPrivate\":true}", 201);
				asker = first.memberToken();
				String helper = first.memberToken();
				List<String> threads = new java.util.ArrayList<>();
				for (int i = 0; i < 40; i++) {
					threads.add(first.ask(asker, "Heater " + i + " clicks but stays cold"));
				}
				// Answers come quickly; the kill lands while their emails and deliveries are on their way.
				for (int i = 0; i < threads.size(); i++) {
					first.postAny("/api/v1/threads/" + threads.get(i) + "/answers", helper,
							"{\"body\":\"Reset the thermostat of heater " + i + ".\"}");
					if (i == 25) {
						first.kill();
						break;
					}
				}
			}
			finally {
				first.kill();
			}
			ChildApplication second = ChildApplication.start(this.dataDir, elasticsearch, prefix, mongoPort, arguments);
			try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
				var madang = client.getDatabase("madang");
				List<Document> answers = Flux.from(madang.getCollection("answers").find()).collectList().block();
				Set<String> answeredThreads = answers.stream().map((answer) -> answer.getString("threadId"))
					.collect(Collectors.toSet());
				Set<String> posted = Flux.from(madang.getCollection("events")
					.find(Filters.eq("type", "answer.posted"))).map((event) -> event.getString("eventId"))
					.collect(Collectors.toSet()).block();
				assertThat(answers).hasSizeGreaterThan(5);
				Deadline.eventually(Duration.ofMinutes(2), () -> {
					Map<String, Long> emails = countBy(Arrays.asList(smtp.getReceivedMessages()), NotificationCrashTest::messageId);
					assertThat(emails).as("one email per answered question").hasSize(answeredThreads.size());
					Map<String, Long> hooks = countBy(deliveries, Function.identity());
					assertThat(hooks.keySet().stream().map((id) -> id.substring(id.indexOf(':') + 1)).collect(Collectors.toSet()))
						.as("one delivery per answer.posted event").isEqualTo(posted);
				});
				long rawEmails = smtp.getReceivedMessages().length;
				long distinctEmails = countBy(Arrays.asList(smtp.getReceivedMessages()), NotificationCrashTest::messageId).size();
				// Only what was on the wire at the kill may come twice, and then under the same id.
				assertThat(rawEmails - distinctEmails).as("emails repeated (same Message-ID)").isLessThanOrEqualTo(1);
				assertThat(deliveries.size() - Set.copyOf(deliveries).size()).as("deliveries repeated (same id)")
					.isLessThanOrEqualTo(1);
				System.out.printf("kill -9 burst: %d answers stored, %d emails received (%d distinct), %d webhook "
						+ "deliveries received (%d distinct)%n", answers.size(), rawEmails, distinctEmails, deliveries.size(),
						Set.copyOf(deliveries).size());
			}
			finally {
				second.kill();
			}
		}
		finally {
			receiver.stop(0);
			smtp.stop();
		}
	}

	private static <T> Map<String, Long> countBy(Collection<T> items, Function<T, String> key) {
		Map<String, Long> counts = new ConcurrentHashMap<>();
		items.forEach((item) -> counts.merge(key.apply(item), 1L, Long::sum));
		return counts;
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
