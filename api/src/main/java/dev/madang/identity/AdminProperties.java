package dev.madang.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created at start when no account has this email.
 *
 * @param email {@code MADANG_ADMIN_EMAIL}
 * @param password {@code MADANG_ADMIN_PASSWORD}
 * @param demoAccounts when no admin is configured, create a demo admin, moderator, staff member and customer with
 * random passwords, printed once and written to the data folder
 */
@ConfigurationProperties("madang.admin")
public record AdminProperties(String email, String password, @DefaultValue("true") boolean demoAccounts) {
}
