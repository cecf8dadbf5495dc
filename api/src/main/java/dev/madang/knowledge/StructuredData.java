package dev.madang.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org description of an article page (JSON-LD): an {@code Article}, and since every article answers one
 * customer question, an {@code FAQPage} with that question and its answer (the sanitized HTML, which the schema
 * allows), which search engines show as a rich result.
 */
final class StructuredData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StructuredData() {
	}

	/** JSON safe to place inside a {@code <script>} element ({@code <} escaped, so no {@code </script>} can occur). */
	static String of(Article article, String url, List<String> authorNames) {
		PublishedVersion published = article.getPublished();
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("@context", "https://schema.org");
		page.put("@type", "Article");
		page.put("headline", published.title());
		page.put("inLanguage", article.getLocale());
		page.put("datePublished", published.publishedAt().toString());
		page.put("dateModified", published.publishedAt().toString());
		page.put("mainEntityOfPage", url);
		page.put("author", authorNames.stream().map((name) -> Map.of("@type", "Person", "name", name)).toList());
		page.put("keywords", String.join(", ", published.tags()));
		Map<String, Object> faq = new LinkedHashMap<>();
		faq.put("@context", "https://schema.org");
		faq.put("@type", "FAQPage");
		faq.put("inLanguage", article.getLocale());
		faq.put("mainEntity", List.of(Map.of("@type", "Question", "name", published.title(), "acceptedAnswer",
				Map.of("@type", "Answer", "text", published.bodyHtml()))));
		return JSON.writeValueAsString(List.of(page, faq)).replace("<", "\\u003c");
	}

}
