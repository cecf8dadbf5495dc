package dev.madang.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** Outbound webhooks against a real HTTP receiver on this machine: signed, retried, logged, switched off, refused. */
class WebhookDeliveryTest extends ApiIntegrationTest {

	private static final String SECRET = "test-secret-0123456789abcdef";

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger(200);

	private HttpServer receiver;

	record Received(String delivery, String event, String signature, String body) {
	}

	private String startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Madang-Delivery"),
					exchange.getRequestHeaders().getFirst("X-Madang-Event"),
					exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
			exchange.sendResponseHeaders(this.status.get(), -1);
			exchange.close();
		});
		this.receiver.start();
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
	}

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
	}

	@Test
	void aQuestionReachesTheReceiverSignedAndCanBeRedelivered() throws Exception {
		String url = startReceiver();
		WebTestClient admin = as(user(Role.ADMIN));
		String hookId = create(admin, url, List.of("question.asked"));
		try {
			String threadId = ask(asMember(), "Espresso machine leaks from the group head");
			eventually(Duration.ofSeconds(20), () -> assertThat(this.received).hasSize(1));
			Received delivery = this.received.get(0);
			assertThat(WebhookSignature.verify(SECRET, delivery.signature(), delivery.body(), Instant.now(),
					WebhookSignature.TOLERANCE)).as("signature verifies").isTrue();
			assertThat(WebhookSignature.verify(SECRET, delivery.signature(), delivery.body() + " ", Instant.now(),
					WebhookSignature.TOLERANCE)).as("changed body refused").isFalse();
			assertThat(WebhookSignature.verify(SECRET, delivery.signature(), delivery.body(),
					Instant.now().plus(Duration.ofMinutes(10)), WebhookSignature.TOLERANCE)).as("old timestamp refused")
				.isFalse();
			assertThat(delivery.event()).isEqualTo("question.asked");
			assertThat(delivery.body()).contains("\"subject\":\"" + threadId + "\"").contains("Espresso machine leaks");
			assertThat(delivery.delivery()).startsWith(hookId + ":");
			eventually(Duration.ofSeconds(10), () -> admin.get().uri("/api/v1/admin/webhooks/{id}/deliveries", hookId)
				.exchange().expectBody().jsonPath("$[0].state").isEqualTo("delivered")
				.jsonPath("$[0].log[0].status").isEqualTo(200));

			String eventId = delivery.delivery().substring(hookId.length() + 1);
			admin.post().uri("/api/v1/admin/webhooks/{id}/redeliver", hookId).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("eventId", eventId)).exchange().expectStatus().isAccepted();
			eventually(Duration.ofSeconds(20), () -> assertThat(this.received).hasSize(2));
			assertThat(this.received.get(1).delivery()).isNotEqualTo(delivery.delivery()).contains(eventId);
			admin.post().uri("/api/v1/admin/webhooks/{id}/redeliver", hookId).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("eventId", "no-such-event")).exchange().expectStatus().isNotFound();
		}
		finally {
			admin.delete().uri("/api/v1/admin/webhooks/{id}", hookId).exchange().expectStatus().isNoContent();
		}
	}

	@Test
	void aFailingReceiverIsRetriedWithBackoffThenSwitchedOffAndAdminsAreTold() throws Exception {
		String url = startReceiver();
		this.status.set(500);
		TestUser adminUser = user(Role.ADMIN);
		WebTestClient admin = as(adminUser);
		String hookId = create(admin, url, List.of("question.asked"));
		try {
			ask(asMember(), "Dishwasher leaves a white film");
			ask(asMember(), "Dishwasher beeps three times");
			// Each delivery: 3 attempts (the last after 200 ms + 400 ms); the webhook goes off after 4 failures in a row.
			eventually(Duration.ofSeconds(30), () -> admin.get().uri("/api/v1/admin/webhooks/{id}", hookId).exchange()
				.expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.disabledReason").value(
						(reason) -> assertThat((String) reason).contains("HTTP 500")));
			assertThat(this.received.size()).isGreaterThanOrEqualTo(4);
			eventually(Duration.ofSeconds(20), () -> admin.get().uri("/api/v1/notifications").exchange().expectBody()
				.jsonPath("$[?(@.kind == 'webhook')].detail.url").isEqualTo(List.of(url)));
			eventually(Duration.ofSeconds(10), () -> admin.get().uri("/api/v1/admin/webhooks/{id}/deliveries", hookId)
				.exchange().expectBody()
				.jsonPath("$[*].log[?(@.status > 0)].status").value((statuses) -> assertThat((List<?>) statuses)
					.hasSizeGreaterThanOrEqualTo(4).allSatisfy((code) -> assertThat(code).isEqualTo(500)))
				// What was still waiting when the webhook went off is failed with the reason, not left pending.
				.jsonPath("$[?(@.state == 'pending')]").isEmpty());
		}
		finally {
			admin.delete().uri("/api/v1/admin/webhooks/{id}", hookId).exchange().expectStatus().isNoContent();
		}
	}

	@Test
	void aSlowReceiverTimesOutAndTheAttemptIsLogged() throws Exception {
		String url = startReceiver();
		this.receiver.createContext("/slow", (exchange) -> {
			try {
				Thread.sleep(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		WebTestClient admin = as(user(Role.ADMIN));
		String hookId = create(admin, url.replace("/hook", "/slow"), List.of("question.asked"));
		try {
			ask(asMember(), "Oven clock resets at night");
			// The test application's webhook timeout is 2 s.
			eventually(Duration.ofSeconds(20), () -> admin.get().uri("/api/v1/admin/webhooks/{id}/deliveries", hookId)
				.exchange().expectBody().jsonPath("$[0].log[0].status").isEqualTo(0)
				.jsonPath("$[0].log[0].error").value((error) -> assertThat(((String) error).toLowerCase())
					.contains("timed out")));
		}
		finally {
			admin.delete().uri("/api/v1/admin/webhooks/{id}", hookId).exchange().expectStatus().isNoContent();
		}
	}

	@Test
	void privateNonHttpAndUnresolvableTargetsAreRefused() {
		WebTestClient admin = as(user(Role.ADMIN));
		refused(admin, "http://127.0.0.1:9/hook", "webhook-target-private");
		refused(admin, "http://10.1.2.3/hook", "webhook-target-private");
		refused(admin, "http://[::1]/hook", "webhook-target-private");
		refused(admin, "http://169.254.169.254/latest/meta-data", "webhook-target-private");
		refused(admin, "ftp://example.com/hook", "webhook-url-invalid");
		refused(admin, "not a url", "webhook-url-invalid");
		refused(admin, "http://no-such-host.invalid/hook", "webhook-target-unresolvable");
		asMember().post().uri("/api/v1/admin/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "https://example.com/hook")).exchange().expectStatus().isForbidden();
	}

	private static void refused(WebTestClient admin, String url, String type) {
		admin.post().uri("/api/v1/admin/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url, "secret", SECRET, "kinds", List.of("*"))).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").value((found) -> assertThat((String) found).endsWith(type));
	}

	private static String create(WebTestClient admin, String url, List<String> kinds) {
		return admin.post().uri("/api/v1/admin/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url, "secret", SECRET, "kinds", kinds, "allowPrivate", true)).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
	}

}
