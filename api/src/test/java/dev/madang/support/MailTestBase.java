package dev.madang.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with a real SMTP server beside it (GreenMail, one for every test class on this base, so they
 * share one application context). Emails wait {@value #DELAY_SECONDS} s before they are sent, digests are daily every
 * few seconds and the daily cap is small, so tests can see each rule.
 */
public abstract class MailTestBase extends ApiIntegrationTest {

	public static final int DELAY_SECONDS = 4;

	public static final int DAILY_CAP = 4;

	protected static final GreenMail SMTP = startSmtp();

	private static GreenMail startSmtp() {
		// A fixed port, so a test can stop the server and start it again where the application expects it.
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("madang.mail.host", () -> "127.0.0.1");
		registry.add("madang.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("madang.mail.delay", () -> DELAY_SECONDS + "s");
		registry.add("madang.mail.poll-interval", () -> "300ms");
		registry.add("madang.mail.daily-digest", () -> "6s");
		registry.add("madang.mail.daily-cap", () -> DAILY_CAP);
		registry.add("madang.mail.retry-backoff", () -> "1s");
		registry.add("madang.mail.timeout", () -> "3s");
	}

	/** Every message the SMTP server received for this address so far. */
	protected static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Waits until this address received {@code count} messages, then a little longer to see that no more come. */
	protected static List<MimeMessage> awaitMail(String address, int count) {
		Deadline.awaitTrue(Duration.ofSeconds(40), () -> mailTo(address).size() >= count,
				count + " emails to " + address);
		return mailTo(address);
	}

}
