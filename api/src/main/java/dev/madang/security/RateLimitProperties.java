package dev.madang.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests allowed per minute before {@code 429 Too Many Requests}; per signed-in user, and per client IP address.
 *
 * @param writesPerUser writes (POST, PUT, PATCH, DELETE) per user per minute
 * @param writesPerIp writes per IP address per minute, whoever is signed in
 * @param loginsPerIp sign-in attempts per IP address per minute
 * @param signUpsPerIp new accounts per IP address per hour
 * @param tokensPerUser new access tokens per user per hour
 * @param searchesPerIp searches per IP address per minute
 */
@ConfigurationProperties("madang.rate-limits")
public record RateLimitProperties(@DefaultValue("60") int writesPerUser, @DefaultValue("300") int writesPerIp,
		@DefaultValue("10") int loginsPerIp, @DefaultValue("10") int signUpsPerIp,
		@DefaultValue("20") int tokensPerUser, @DefaultValue("120") int searchesPerIp) {
}
