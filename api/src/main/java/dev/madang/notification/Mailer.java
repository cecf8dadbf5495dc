package dev.madang.notification;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a composed email to the SMTP server of {@code madang.mail.*} (blocking, so on the elastic scheduler), with
 * the Message-ID fixed when it was composed and the one-click unsubscribe headers of RFC 8058.
 */
@Component
class Mailer {

	private final MailProperties mail;

	private final JavaMailSenderImpl sender;

	Mailer(MailProperties mail) {
		this.mail = mail;
		this.sender = new JavaMailSenderImpl();
		if (mail.sends()) {
			this.sender.setHost(mail.host());
			this.sender.setPort(mail.port());
			this.sender.setUsername(mail.username());
			this.sender.setPassword(mail.password());
			this.sender.setDefaultEncoding("UTF-8");
			Properties properties = new Properties();
			String millis = String.valueOf(mail.timeout().toMillis());
			properties.put("mail.smtp.connectiontimeout", millis);
			properties.put("mail.smtp.timeout", millis);
			properties.put("mail.smtp.writetimeout", millis);
			properties.put("mail.smtp.auth", String.valueOf(mail.username() != null));
			properties.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls()));
			this.sender.setJavaMailProperties(properties);
		}
	}

	boolean sends() {
		return this.mail.sends();
	}

	Mono<Void> send(Email email) {
		return Mono.<Void>fromRunnable(() -> {
			try {
				MimeMessage message = new FixedIdMessage(this.sender.getSession(), email.messageId());
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(this.mail.from());
				helper.setTo(email.to());
				helper.setSubject(email.subject());
				helper.setText(email.text(), email.html());
				message.setHeader("Auto-Submitted", "auto-generated");
				if (email.unsubscribeUrl() != null) {
					message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
					message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
				}
				this.sender.send(message);
			}
			catch (MessagingException ex) {
				throw new org.springframework.mail.MailPreparationException(ex.getMessage(), ex);
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** A message whose Message-ID stays the one given: a resend after a crash is recognisably the same email. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
