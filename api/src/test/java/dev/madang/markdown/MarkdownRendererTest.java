package dev.madang.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

	private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([a-zA-Z0-9]+)([^>]*)>");

	private static final Set<String> ALLOWED = Set.of("p", "a", "img", "strong", "em", "b", "i", "u", "code", "pre",
			"blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "table", "thead", "tbody",
			"tr", "th", "td", "del", "s", "sup", "sub", "div", "span", "strike", "tt", "big", "small", "caption", "tfoot",
			"colgroup", "col");

	private static final Pattern DANGEROUS_ATTRIBUTE = Pattern
		.compile("(?i)(\\bon[a-z]+\\s*=|javascript:|vbscript:|data:|style\\s*=|srcset|formaction|xlink)");

	private final MarkdownRenderer markdown = new MarkdownRenderer();

	static Stream<String> payloads() throws IOException {
		try (InputStream in = MarkdownRendererTest.class.getResourceAsStream("xss-payloads.txt")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// Each line alone, and the whole corpus as one document (payloads can combine across lines).
			return Stream.concat(text.lines().filter((line) -> !line.isBlank()), Stream.of(text));
		}
	}

	@Test
	void corpusHasAtLeastFiftyPayloads() throws IOException {
		assertThat(payloads().count()).isGreaterThan(50);
	}

	@ParameterizedTest
	@MethodSource("payloads")
	void knownXssPayloadComesOutHarmless(String payload) {
		String html = this.markdown.toSafeHtml(payload);
		Matcher tags = TAG.matcher(html);
		while (tags.find()) {
			String element = tags.group(2).toLowerCase(Locale.ROOT);
			assertThat(ALLOWED).as("element <%s> in %s", element, html).contains(element);
			assertThat(tags.group(3)).as("attributes of <%s> in %s", element, html).doesNotContainPattern(DANGEROUS_ATTRIBUTE);
		}
		assertThat(TAG.matcher(html).replaceAll("")).as("stray markup in %s", html).doesNotContain("<", ">");
	}

	/** An imported (HTML) answer promoted into an article becomes Markdown; no payload survives the round trip. */
	@ParameterizedTest
	@MethodSource("payloads")
	void importedHtmlTurnedIntoMarkdownStaysHarmless(String payload) {
		knownXssPayloadComesOutHarmless(MarkdownRenderer.toMarkdown(payload, "html"));
	}

	@Test
	void importedHtmlBecomesEditableMarkdown() {
		String markdown = MarkdownRenderer.toMarkdown("<p>Use <strong>grind size</strong> 18 and "
				+ "<a href=\"https://example.com/x\">this guide</a>.</p><ul><li>one</li><li>two</li></ul>"
				+ "<pre><code>brew --fine</code></pre>", "html");
		assertThat(markdown).contains("Use **grind size** 18 and [this guide](https://example.com/x)")
			.contains("one").doesNotContain("<p>", "<li>");
		assertThat(this.markdown.toSafeHtml(markdown)).contains("<strong>grind size</strong>", "<li>one</li>",
				"<pre><code>brew --fine");
		assertThat(MarkdownRenderer.toMarkdown("**already** Markdown", "markdown")).isEqualTo("**already** Markdown");
	}

	@Test
	void everydayMarkdownIsRendered() {
		String html = this.markdown.toSafeHtml("""
				**Bold** and _italic_, `code`, a [link](https://example.com/help) and https://madang.dev

				| a | b |
				|---|---|
				| 1 | 2 |

				```java
				int x = 1 < 2 ? 1 : 2;
				```
				""");
		assertThat(html).contains("<strong>Bold</strong>", "<em>italic</em>", "<code>code</code>")
			.containsPattern("<a href=\"https://example\\.com/help\" rel=\"(?=[^\"]*nofollow)(?=[^\"]*ugc)(?=[^\"]*noopener)[a-z ]+\">link</a>")
			.contains("href=\"https://madang.dev\"")
			.contains("<table>", "<td>1</td>")
			.contains("<pre><code>int x &#61; 1 &lt; 2 ? 1 : 2;");
	}

	@Test
	void rawHtmlIsShownAsTextNotExecuted() {
		assertThat(this.markdown.toSafeHtml("<b>hi</b> <script>alert(1)</script>"))
			.isEqualTo("<p>&lt;b&gt;hi&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
	}

	@Test
	void koreanTextIsKept() {
		assertThat(this.markdown.toSafeHtml("비밀번호를 **잊어버렸어요**")).isEqualTo("<p>비밀번호를 <strong>잊어버렸어요</strong></p>\n");
	}

	@Test
	void emptyBodyRendersNothing() {
		assertThat(this.markdown.toSafeHtml("")).isEmpty();
		assertThat(this.markdown.toSafeHtml(null)).isEmpty();
	}

}
