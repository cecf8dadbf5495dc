package dev.madang.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.madang.area.ProductAreas;
import dev.madang.identity.AccountService;
import dev.madang.identity.Author;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.search.index.PostHit;
import dev.madang.search.index.PostIndex;
import dev.madang.site.PublicUrls;
import dev.madang.thread.Attribution;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * The public knowledge base: browse by product area, search, read, "was this helpful?", and the deflection a reader
 * records by following an article instead of asking. Staff pages are {@link KnowledgeStaffPages}.
 */
@Controller
class KnowledgePages {

	private static final int MAX_QUERY = 200;

	private final KnowledgeBase knowledgeBase;

	private final Helpfulness helpfulness;

	private final Deflections deflections;

	private final CurrentUsers currentUsers;

	private final ProductAreas areas;

	private final AccountService accounts;

	private final ThreadService threads;

	private final PostIndex posts;

	KnowledgePages(KnowledgeBase knowledgeBase, Helpfulness helpfulness, Deflections deflections, CurrentUsers currentUsers, ProductAreas areas, AccountService accounts, ThreadService threads, PostIndex posts) {
		this.knowledgeBase = knowledgeBase;
		this.helpfulness = helpfulness;
		this.deflections = deflections;
		this.currentUsers = currentUsers;
		this.areas = areas;
		this.accounts = accounts;
		this.threads = threads;
		this.posts = posts;
	}

	/** The knowledge base's front page: search, or every public article grouped by product area. */
	@GetMapping("/kb")
	Mono<String> home(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		String text = (query.length() > MAX_QUERY) ? query.substring(0, MAX_QUERY) : query.strip();
		model.addAttribute("q", text);
		Mono<List<PostHit>> found = text.isEmpty() ? Mono.just(List.of())
				: Mono.fromFuture(() -> this.posts.articles(text, false, 20)).onErrorReturn(List.of());
		return Mono.zip(found, this.knowledgeBase.list(ArticleFilter.forReaders(null, null), null, 500).collectList(),
				this.areas.bySlug())
			.map((all) -> {
				model.addAttribute("hits", all.getT1());
				Map<String, List<Article>> byArea = new java.util.TreeMap<>();
				all.getT2().forEach((article) -> byArea
					.computeIfAbsent((article.getProductArea() != null) ? article.getProductArea() : "", (key) -> new ArrayList<>())
					.add(article));
				model.addAttribute("byArea", byArea);
				model.addAttribute("areaNames", all.getT3());
				return "knowledge/home";
			});
	}

	@GetMapping("/kb/{id}")
	Mono<String> shortLink(@PathVariable String id) {
		return readable(id).map((article) -> "redirect:" + article.path());
	}

	@GetMapping("/kb/{id}/{slug}")
	Mono<String> article(@PathVariable String id, @PathVariable String slug, Model model, ServerWebExchange exchange) {
		return viewer().flatMap((user) -> this.knowledgeBase.findReadable(id, user.orElse(null)).flatMap((article) -> {
			String path = article.path();
			if (!path.equals("/kb/" + id + "/" + UriUtils.decode(slug, java.nio.charset.StandardCharsets.UTF_8))) {
				return Mono.just("redirect:" + path);
			}
			boolean staff = KnowledgeBase.isStaff(user.orElse(null));
			List<String> sourceThreads = article.getSources().stream()
				.filter((source) -> "question".equals(source.kind())).map(ArticleSource::threadId).distinct().toList();
			// Content imported from elsewhere keeps its licence's attribution on the article too.
			Mono<List<Attribution>> attributions = this.threads.findAll(sourceThreads)
				.filter((thread) -> thread.getSource() != null).map(ForumThread::getSource).collectList();
			return Mono.zip(this.accounts.authors(article.getCredits()), this.areas.bySlug(),
					this.knowledgeBase.byIds(List.copyOf(article.getTranslations().values()))
						.filter((other) -> !other.getId().equals(id) && (other.isPublic() || staff))
						.collectList(), attributions)
				.map((found) -> {
					model.addAttribute("attributions", found.getT4());
					List<String> names = article.getCredits().stream()
						.map((credit) -> Optional.ofNullable(found.getT1().get(credit)).map(Author::displayName).orElse(""))
						.filter((name) -> !name.isEmpty())
						.toList();
					model.addAttribute("article", article);
					model.addAttribute("shown", article.isPublic() ? article.getPublished() : null);
					model.addAttribute("staff", staff);
					model.addAttribute("creditNames", names);
					model.addAttribute("translations", found.getT3());
					model.addAttribute("area", (article.getProductArea() != null)
							? found.getT2().get(article.getProductArea()) : null);
					model.addAttribute("sourceThreads", sourceThreads);
					if (article.isPublic()) {
						model.addAttribute("jsonLd", StructuredData.of(article, PublicUrls.base(exchange) + path, names));
					}
					return "knowledge/article";
				});
		}));
	}

	/** "Was this helpful?" from the article page; anonymous readers need no session (their browser is the voter). */
	@PostMapping("/kb/{id}/feedback")
	Mono<String> feedback(@PathVariable String id, @ModelAttribute FeedbackForm form, ServerWebExchange exchange) {
		String comment = (form.comment() == null) ? null
				: form.comment().substring(0, Math.min(1000, form.comment().length()));
		return Readers.key(exchange, this.currentUsers.current())
			.flatMap((reader) -> this.helpfulness.rate(id, reader, "yes".equals(form.helpful()), comment))
			.map((article) -> "redirect:" + article.path() + "?rated#feedback");
	}

	/** "This answered my question" from search results or the ask page's panel: a question never asked. */
	@PostMapping("/kb/{id}/deflect")
	Mono<String> deflect(@PathVariable String id, @ModelAttribute DeflectForm form, ServerWebExchange exchange) {
		String where = "ask".equals(form.where()) ? "ask" : "search";
		String typed = (form.q() != null) ? form.q() : (form.title() != null) ? form.title() : "";
		String query = typed.substring(0, Math.min(MAX_QUERY, typed.length()));
		return Readers.key(exchange, this.currentUsers.current())
			.flatMap((reader) -> this.deflections.record(id, where, query, reader))
			.map((article) -> "redirect:" + article.path() + "?answered");
	}

	private Mono<Article> readable(String id) {
		return viewer().flatMap((user) -> this.knowledgeBase.findReadable(id, user.orElse(null)));
	}

	private Mono<Optional<CurrentUser>> viewer() {
		return this.currentUsers.currentIfAny();
	}

	record FeedbackForm(String helpful, String comment) {
	}

	record DeflectForm(String where, String q, String title) {
	}

}
