package dev.madang.markdown;

import java.util.List;

import io.github.furstenheim.CodeBlockStyle;
import io.github.furstenheim.CopyDown;
import io.github.furstenheim.HeadingStyle;
import io.github.furstenheim.OptionsBuilder;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns user Markdown (CommonMark with tables and autolinks) into HTML that is safe to put in a page: raw HTML in the
 * source is escaped by the renderer, and the result is sanitized again with the OWASP Java HTML Sanitizer, which keeps
 * only formatting, links (http, https, mailto; rel="nofollow ugc noopener") and http(s) images. Two independent
 * layers, so a renderer bug alone never lets script through.
 */
@Component
public class MarkdownRenderer {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("a")
			.allowAttributes("href", "title").onElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.requireRelsOnLinks("nofollow", "ugc", "noopener")
			.toFactory())
		.and(new HtmlPolicyBuilder().allowElements("img")
			.allowAttributes("src", "alt", "title").onElements("img")
			.allowUrlProtocols("http", "https")
			.toFactory())
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "br", "del", "s", "sup", "sub").toFactory());

	private static final CopyDown TO_MARKDOWN = new CopyDown(OptionsBuilder.anOptions()
		.withHeadingStyle(HeadingStyle.ATX)
		.withCodeBlockStyle(CodeBlockStyle.FENCED)
		.withBulletListMaker("-")
		.build());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	/** Renders a post body: Markdown written here, or HTML imported from elsewhere (then only sanitized). */
	public String render(String body, String format) {
		if ("html".equals(format)) {
			return (body == null) ? "" : POLICY.sanitize(body);
		}
		return toSafeHtml(body);
	}

	/** The text of a post body without markup, for search. */
	public static String plainText(String body, String format) {
		if (!"html".equals(format) || body == null) {
			return body;
		}
		return org.springframework.web.util.HtmlUtils.htmlUnescape(body.replaceAll("<[^>]+>", " "));
	}

	/**
	 * A post body as Markdown, for text that is edited again here (a knowledge-base article made from an imported
	 * answer): imported HTML is sanitized, then converted; Markdown is returned as it is.
	 */
	public static String toMarkdown(String body, String format) {
		if (!"html".equals(format) || body == null) {
			return body;
		}
		return TO_MARKDOWN.convert(POLICY.sanitize(body)).strip();
	}

	public String toSafeHtml(String markdown) {
		if (markdown == null || markdown.isEmpty()) {
			return "";
		}
		return POLICY.sanitize(this.renderer.render(this.parser.parse(markdown)));
	}

}
