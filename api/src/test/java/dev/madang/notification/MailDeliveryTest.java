package dev.madang.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.support.MailTestBase;
import dev.madang.support.TestUsers.TestUser;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static dev.madang.support.QaSteps.answer;
import static dev.madang.support.QaSteps.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** Email notifications against a real SMTP server: once, after the delay, localized, with one-click unsubscribe. */
class MailDeliveryTest extends MailTestBase {

	@Test
	void anAnswerEmailsTheAskerOnceInKoreanWithOneClickUnsubscribe() throws Exception {
		TestUser asker = userWithReputation(1);
		speaks(asker, "ko");
		TestUser helper = userWithReputation(1);
		TestUser lastHelper = userWithReputation(1);
		String threadId = ask(as(asker), "Kettle light blinks twice on start");
		answer(as(helper), threadId, "Descale it with **citric acid** and rinse twice.");
		answer(as(lastHelper), threadId, "Check the base contacts too.");

		List<MimeMessage> received = awaitMail(asker.email(), 1);
		Thread.sleep(Duration.ofSeconds(DELAY_SECONDS + 2).toMillis());
		assertThat(mailTo(asker.email())).as("two answers merged into one email").hasSize(1);
		MimeMessage email = received.get(0);
		assertThat(email.getSubject()).contains("Kettle light blinks twice on start").contains("새 답변");
		String text = part(email, "text/plain");
		assertThat(text).contains("/t/" + threadId).contains("citric acid");
		assertThat(part(email, "text/html")).contains("lang=\"ko\"").contains("마당에서 보기");
		assertThat(email.getHeader("Message-ID")[0]).startsWith("<n.").endsWith("@madang>");
		assertThat(email.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String unsubscribe = email.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
		assertThat(mailTo(lastHelper.email())).as("nobody hears of their own answer").isEmpty();

		// RFC 8058: the mail client posts List-Unsubscribe=One-Click to the link, without a session or CSRF token.
		String path = unsubscribe.substring(unsubscribe.indexOf("/unsubscribe"));
		this.http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click")).exchange().expectStatus().isOk();
		as(asker).get().uri("/api/v1/notifications/preferences").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.answer").isEqualTo("app").jsonPath("$.comment").isEqualTo("email");
	}

	@Test
	void aTamperedUnsubscribeLinkChangesNothing() {
		TestUser member = userWithReputation(1);
		this.http.post().uri("/unsubscribe?u={u}&k=all&s=forged", member.id())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click")).exchange()
			.expectStatus().isBadRequest();
		this.http.get().uri("/unsubscribe?u={u}&k=answer&s=AAAA", member.id()).exchange()
			.expectStatus().isBadRequest().expectBody(String.class)
			.value((page) -> assertThat(page).contains("unsubscribe-invalid"));
		as(member).get().uri("/api/v1/notifications/preferences").exchange().expectBody()
			.jsonPath("$.answer").isEqualTo("email");
	}

	@Test
	void readingTheThreadInTheAppCancelsTheWaitingEmail() throws Exception {
		TestUser asker = userWithReputation(1);
		String threadId = ask(as(asker), "Blender stops after ten seconds");
		answer(as(userWithReputation(1)), threadId, "The lid switch is loose.");
		eventually(Duration.ofSeconds(3), () -> assertThat(unread(asker)).isEqualTo(1));
		as(asker).get().uri("/t/{id}", threadId).exchange().expectStatus().is3xxRedirection();
		as(asker).get().uri("/t/{id}/x", threadId).exchange();
		assertThat(unread(asker)).isZero();
		Thread.sleep(Duration.ofSeconds(DELAY_SECONDS + 2).toMillis());
		assertThat(mailTo(asker.email())).isEmpty();
		org.bson.Document email = this.mongo.findOne(Query.query(Criteria.where("userId").is(asker.id())),
				org.bson.Document.class, "emails").block(Duration.ofSeconds(10));
		assertThat(email).containsEntry("state", "cancelled").containsEntry("reason", "read");
	}

	@Test
	void pastTheDailyCapNotificationsWaitForTheDailyDigest() throws Exception {
		TestUser asker = userWithReputation(1);
		TestUser helper = userWithReputation(1);
		for (int i = 0; i <= DAILY_CAP; i++) {
			String threadId = ask(as(asker), "Capped question number " + i + " about the toaster");
			answer(as(helper), threadId, "Answer " + i + ": clean the crumb tray.");
		}
		// DAILY_CAP single emails, then the digest with what the cap held back.
		List<MimeMessage> received = awaitMail(asker.email(), DAILY_CAP + 1);
		List<String> subjects = received.stream().map(MailDeliveryTest::subject).toList();
		assertThat(subjects.stream().filter((subject) -> subject.contains("Capped question"))).hasSize(DAILY_CAP);
		MimeMessage digest = received.stream().filter((message) -> subject(message).contains("update")).findFirst()
			.orElseThrow();
		assertThat(digest.getHeader("List-Unsubscribe")).isNotNull();
	}

	@Test
	void aDigestListsNewQuestionsInAWatchedTag() throws Exception {
		existingTags("grinder");
		TestUser watcher = userWithReputation(1);
		as(watcher).put().uri("/api/v1/watches/topics/{topic}", "tag:grinder").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("level", "watching")).exchange().expectStatus().isOk();
		TestUser asker = userWithReputation(1);
		for (String title : List.of("Grinder jams on fine setting", "Grinder burr squeaks loudly")) {
			as(asker).post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", title, "body", "It started this week, no idea why.", "tags", List.of("grinder")))
				.exchange().expectStatus().isCreated();
		}
		ask(as(asker), "Kettle question nobody watches");
		MimeMessage digest = awaitMail(watcher.email(), 1).get(0);
		String text = part(digest, "text/plain");
		assertThat(text).contains("Grinder jams on fine setting").contains("Grinder burr squeaks loudly")
			.doesNotContain("Kettle question");
		assertThat(subject(digest)).contains("2 updates");
	}

	@Test
	void anSmtpServerThatIsDownDelaysTheEmailAndLosesNothing() throws Exception {
		TestUser asker = userWithReputation(1);
		String threadId = ask(as(asker), "Fridge hums at night");
		SMTP.stop();
		try {
			answer(as(userWithReputation(1)), threadId, "Level its feet.");
			eventually(Duration.ofSeconds(30), () -> assertThat(this.mongo.findOne(Query.query(Criteria.where("userId")
				.is(asker.id()).and("attempts").gt(0)), org.bson.Document.class, "emails").block()).isNotNull());
		}
		finally {
			SMTP.start();
		}
		assertThat(awaitMail(asker.email(), 1)).hasSize(1);
	}

	@Test
	void adminsAreEmailedWhenAWebhookIsSwitchedOff() throws Exception {
		TestUser admin = user(dev.madang.identity.Role.ADMIN);
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		String hookId = as(admin).post().uri("/api/v1/admin/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://127.0.0.1:" + closed + "/nobody", "kinds", List.of("question.asked"),
					"allowPrivate", true))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
			.toString();
		try {
			ask(asMember(), "Washer drum squeaks when spinning");
			ask(asMember(), "Washer door stays locked");
			// The notice has no actor (the system switched the webhook off); writing its email once failed on that.
			MimeMessage notice = awaitMail(admin.email(), 1).get(0);
			assertThat(notice.getSubject()).isEqualTo("A webhook was switched off");
			assertThat(part(notice, "text/plain")).contains("failed deliveries in a row");
		}
		finally {
			as(admin).delete().uri("/api/v1/admin/webhooks/{id}", hookId).exchange().expectStatus().isNoContent();
		}
	}

	private void speaks(TestUser user, String language) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(user.id())), new Update().set("locale", language),
				"users").block(Duration.ofSeconds(10));
	}

	private long unread(TestUser user) {
		return ((Number) as(user).get().uri("/api/v1/notifications/unread-count").exchange().expectBody(Map.class)
			.returnResult().getResponseBody().get("unread")).longValue();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The decoded text of the message's first part of this type. */
	static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
