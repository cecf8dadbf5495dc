package dev.madang.knowledge;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON-LD of an article page sits inside a script element: nothing in an article may end that element. */
class StructuredDataTest {

	@Test
	void describesTheArticleAndItsQuestionWithoutEverClosingTheScriptElement() {
		String title = "Export </script><script>alert(1)</script> fails";
		Article article = new Article("en", title, "body", "<p>body</p>", List.of("export"), null, List.of(), List.of(),
				"staff", Instant.parse("2026-11-27T10:00:00Z"));
		ReflectionTestUtils.setField(article, "published", PublishedVersion.of("a1", 1, title,
				"Use **CSV** </script> instead.", "<p>html</p>", List.of("export"), "staff",
				Instant.parse("2026-11-27T10:00:00Z")));
		String json = StructuredData.of(article, "https://help.example.com/kb/a1/export", List.of("Ben </script>"));
		assertThat(json).doesNotContain("<").contains("\\u003c/script>")
			.contains("\"@type\":\"Article\"", "\"@type\":\"FAQPage\"", "\"inLanguage\":\"en\"",
					"\"datePublished\":\"2026-11-27T10:00:00Z\"", "\"mainEntityOfPage\":\"https://help.example.com/kb/a1/export\"");
	}

	@Test
	void koreanIsKeptAsIs() {
		Article article = new Article("ko", "비밀번호 재설정", "body", "html", List.of(), null, List.of(), List.of(), "staff",
				Instant.parse("2026-11-27T10:00:00Z"));
		ReflectionTestUtils.setField(article, "published", PublishedVersion.of("a2", 1, "비밀번호 재설정",
				"설정에서 **비밀번호 재설정**을 누르세요.", "html", List.of(), "staff", Instant.parse("2026-11-27T10:00:00Z")));
		assertThat(StructuredData.of(article, "https://help.example.com/kb/a2", List.of("마당 도우미")))
			.contains("\"headline\":\"비밀번호 재설정\"", "\"name\":\"마당 도우미\"");
	}

}
