package dev.madang.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer JWTs and provider groups. Browser sign-in through a provider is configured with Spring's standard
 * {@code spring.security.oauth2.client.registration.*} properties.
 *
 * @param issuerUri the issuer whose JWTs the API accepts as bearer tokens; empty accepts none
 * @param audience when set, a JWT must name it in {@code aud}
 * @param rolesClaim the claim listing the person's groups at the provider
 * @param groupRoles provider group → Madang role ({@code moderator}, {@code staff}, {@code admin})
 */
@ConfigurationProperties("madang.oidc")
public record OidcProperties(String issuerUri, String audience, @DefaultValue("groups") String rolesClaim,
		@DefaultValue java.util.Map<String, String> groupRoles) {
}
