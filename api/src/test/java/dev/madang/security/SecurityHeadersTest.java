package dev.madang.security;

import dev.madang.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

class SecurityHeadersTest extends ApiIntegrationTest {

	@Test
	void pagesForbidInlineScriptsFramingAndLeakyReferrers() {
		this.http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
	}

	@Test
	void contentSecurityPolicyAllowsNoInlineScript() {
		org.assertj.core.api.Assertions.assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.contains("script-src 'self';", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSite() {
		this.http.get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectCookie().httpOnly("SESSION", true)
			.expectCookie().sameSite("SESSION", "Lax");
	}

}
