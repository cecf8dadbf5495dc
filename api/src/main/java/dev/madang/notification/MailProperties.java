package dev.madang.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings. Without {@code host} no mail leaves the machine: messages are kept in the outbox admins read at
 * {@code /admin/mail}, so the embedded default never fails for want of an SMTP server.
 *
 * @param delay how long an email waits before it is sent; reading the notification in the app meanwhile cancels it,
 * and it is composed when sent, so a quick edit is what the email shows (Discourse waits 10 minutes)
 * @param dailyCap immediate emails per member per day; beyond it notifications wait for the daily digest
 * @param baseUrl the site's public address, for links in emails
 * @param retryBackoff the wait before trying an email again after SMTP failed; it doubles each time, up to an hour
 * @param signingSecret signs unsubscribe links; without it a random key is kept in the database
 * @param keepRead how long read notifications stay in the inbox
 * @param keepEmails how long the record of an email that left (or was cancelled) is kept
 */
@ConfigurationProperties("madang.mail")
record MailProperties(String host, @DefaultValue("25") int port, String username, String password,
		@DefaultValue("false") boolean starttls, @DefaultValue("Madang <no-reply@madang.localhost>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("10m") Duration delay,
		@DefaultValue("20") int dailyCap, @DefaultValue("1d") Duration dailyDigest,
		@DefaultValue("7d") Duration weeklyDigest, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration retryBackoff, String signingSecret,
		@DefaultValue("90d") Duration keepRead, @DefaultValue("30d") Duration keepEmails) {

	boolean sends() {
		return this.host != null && !this.host.isBlank();
	}

}
