package dev.madang.site;

import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentationTest extends ApiIntegrationTest {

	@Test
	void openApiDescribesThePublicApiAndItsBearerAuthentication() {
		Map<?, ?> spec = this.http.get().uri("/api/docs/openapi.json").exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(((Map<?, ?>) spec.get("info")).get("title")).isEqualTo("Madang API");
		java.util.Set<String> paths = new java.util.TreeSet<>();
		((Map<?, ?>) spec.get("paths")).keySet().forEach((path) -> paths.add(String.valueOf(path)));
		assertThat(paths).contains("/api/v1/threads", "/api/v1/threads/{id}",
				"/api/v1/threads/{threadId}/answers", "/api/v1/answers/{id}/vote", "/api/v1/tokens", "/api/v1/search");
		assertThat(spec.toString()).contains("bearer");
	}

	@Test
	void theBrowsableDocumentationIsServed() {
		this.http.get().uri("/api/docs").exchange().expectStatus().is3xxRedirection();
		this.http.get().uri("/api/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

}
