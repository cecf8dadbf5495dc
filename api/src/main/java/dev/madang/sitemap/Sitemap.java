package dev.madang.sitemap;

import java.time.Instant;

import dev.madang.knowledge.ArticleFilter;
import dev.madang.knowledge.KnowledgeBase;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import dev.madang.site.PublicUrls;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /sitemap.xml} for search engines: the knowledge base first (its front page and every public article), then
 * the questions most recently active, up to the protocol's 50,000 addresses; {@code /robots.txt} points at it.
 */
@RestController
class Sitemap {

	private static final int MAX_URLS = 50_000;

	private final KnowledgeBase knowledgeBase;

	private final ThreadService threads;

	Sitemap(KnowledgeBase knowledgeBase, ThreadService threads) {
		this.knowledgeBase = knowledgeBase;
		this.threads = threads;
	}

	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	Mono<String> sitemap(ServerWebExchange exchange) {
		String base = PublicUrls.base(exchange);
		Flux<String> articles = this.knowledgeBase.list(ArticleFilter.forReaders(null, null), null, MAX_URLS)
			.map((article) -> url(base + PublicUrls.encoded(article.path()), article.getPublished().publishedAt()));
		Flux<String> questions = this.threads.latestActivity(MAX_URLS)
			.map((thread) -> url(base + PublicUrls.encoded(Slugs.threadPath(thread.getId(), thread.getTitle())), thread.getLastActivityAt()));
		return Flux.concat(Flux.just(url(base + "/kb", null), url(base + "/", null)), articles, questions)
			.take(MAX_URLS)
			.collect(StringBuilder::new, StringBuilder::append)
			.map((urls) -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" + urls + "</urlset>\n");
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	String robots(ServerWebExchange exchange) {
		return "User-agent: *\nDisallow: /kb/manage\nDisallow: /admin\nDisallow: /api/\n\nSitemap: " + PublicUrls.base(exchange)
				+ "/sitemap.xml\n";
	}

	private static String url(String location, Instant modified) {
		String lastmod = (modified != null) ? "<lastmod>" + modified + "</lastmod>" : "";
		return "<url><loc>" + HtmlUtils.htmlEscape(location) + "</loc>" + lastmod + "</url>\n";
	}


}
