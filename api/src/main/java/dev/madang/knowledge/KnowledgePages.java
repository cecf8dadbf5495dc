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
import dev.madang.thread.Attribution;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import dev.madang.site.PublicUrls;
import dev.madang.validation.VisibleText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * The public knowledge base (browse by product area, search, read, "was this helpful?") and the staff pages that
 * write it (promote from a thread, edit, review, publish, versions, translations). Staff pages live under
 * {@code /kb/manage}, so no article slug can collide with them.
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

	KnowledgePages(KnowledgeBase knowledgeBase, Helpfulness helpfulness, Deflections deflections,
			CurrentUsers currentUsers, ProductAreas areas, AccountService accounts, ThreadService threads,
			PostIndex posts) {
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

	/** Staff: every article, the ones needing attention first (changed sources, in review). */
	@GetMapping("/kb/manage")
	Mono<String> manage(Model model) {
		return this.currentUsers.current().flatMap((staff) -> this.knowledgeBase
			.list(new ArticleFilter(null, null, null, false, false), staff, 500)
			.collectList()
			.map((all) -> {
				List<Article> sorted = new ArrayList<>(all);
				sorted.sort(java.util.Comparator.comparing((Article article) -> !article.isSourceChanged())
					.thenComparing((Article article) -> article.getStatus() != ArticleStatus.IN_REVIEW));
				model.addAttribute("articles", sorted);
				return "knowledge/manage";
			}));
	}

	@GetMapping("/kb/manage/{id}")
	Mono<String> editor(@PathVariable String id, @RequestParam(required = false) String problem, Model model) {
		if (problem != null && problem.matches("[a-z-]{1,40}")) {
			model.addAttribute("problem", problem);
		}
		return this.knowledgeBase.find(id).flatMap((article) -> showEditor(article,
				new EditForm(article.getTitle(), article.getBody(), String.join(", ", article.getTags()),
						article.getRevision()), model));
	}

	@PostMapping("/kb/manage/{id}")
	Mono<String> save(@PathVariable String id, @Valid @ModelAttribute("form") EditForm form, BindingResult errors,
			Model model) {
		if (errors.hasErrors()) {
			return this.knowledgeBase.find(id).flatMap((article) -> showEditor(article, form, model));
		}
		List<String> tags = java.util.Arrays.stream(form.tags().split("[,\\s]+"))
			.filter((tag) -> tag.matches(dev.madang.thread.NewThread.TAG_PATTERN))
			.toList();
		return this.currentUsers.current()
			.flatMap((staff) -> this.knowledgeBase.edit(staff, id,
					new ArticleEdit(form.title(), form.body(), tags.size() <= 5 ? tags : tags.subList(0, 5), null,
							form.baseRevision())))
			.map((article) -> "redirect:/kb/manage/" + id + "?saved")
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(managed(id, problem)));
	}

	@PostMapping("/kb/manage/{id}/{action:submit|publish|archive|source-reviewed}")
	Mono<String> act(@PathVariable String id, @PathVariable String action) {
		return this.currentUsers.current().flatMap((staff) -> switch (action) {
			case "submit" -> this.knowledgeBase.submit(staff, id);
			case "publish" -> this.knowledgeBase.publish(staff, id);
			case "archive" -> this.knowledgeBase.archive(staff, id);
			default -> this.knowledgeBase.markSourcesReviewed(staff, id);
		})
			.map((article) -> "redirect:/kb/manage/" + id + "?" + action)
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(managed(id, problem)));
	}

	@PostMapping("/kb/manage/{id}/translate")
	Mono<String> translate(@PathVariable String id, @ModelAttribute TranslateForm form) {
		String locale = (form.locale() == null) ? "" : form.locale();
		if (!locale.matches("ko|en")) {
			return Mono.just("redirect:/kb/manage/" + id);
		}
		return this.currentUsers.current()
			.flatMap((staff) -> this.knowledgeBase.translate(staff, id, locale))
			.map((copy) -> "redirect:/kb/manage/" + copy.getId())
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(managed(id, problem)));
	}

	@PostMapping("/kb/manage/{id}/versions/{number}/restore")
	Mono<String> restore(@PathVariable String id, @PathVariable int number) {
		return this.currentUsers.current()
			.flatMap((staff) -> this.knowledgeBase.restore(staff, id, number))
			.map((article) -> "redirect:/kb/manage/" + id + "?restored")
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(managed(id, problem)));
	}

	/** What changed between two published versions (0: the working copy). */
	@GetMapping("/kb/manage/{id}/diff")
	Mono<String> diff(@PathVariable String id, @RequestParam(defaultValue = "0") int from,
			@RequestParam(defaultValue = "0") int to, Model model) {
		return this.knowledgeBase.find(id).flatMap((article) -> this.knowledgeBase.diff(id, Math.max(0, from),
				Math.max(0, to)).map((diff) -> {
					model.addAttribute("article", article);
					model.addAttribute("diff", diff);
					model.addAttribute("from", from);
					model.addAttribute("to", to);
					return "knowledge/diff";
				}));
	}

	/**
	 * Staff promote a solved thread from its page, with the other answers they ticked; a refusal comes back to the
	 * thread with its reason.
	 */
	@PostMapping("/t/{id}/promote")
	Mono<String> promote(@PathVariable String id, @ModelAttribute PromoteForm form) {
		String wanted = (form.locale() != null && form.locale().matches("ko|en")) ? form.locale() : null;
		List<String> others = (form.answerIds() == null) ? List.of() : form.answerIds().stream().limit(10).toList();
		return this.currentUsers.current()
			.flatMap((staff) -> this.knowledgeBase.promote(staff, id, new Promotion(wanted, others)))
			.map((article) -> "redirect:/kb/manage/" + article.getId() + "?promoted")
			.onErrorResume(ProblemException.class, (problem) -> this.threads.find(id)
				.map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle()) + "?problem=" + problem.slug()));
	}

	private Mono<String> showEditor(Article article, EditForm form, Model model) {
		return Mono.zip(this.knowledgeBase.versions(article.getId()),
				this.knowledgeBase.byIds(List.copyOf(article.getTranslations().values())).collectList(),
				this.helpfulness.comments(article.getId(), 20).collectList())
			.map((found) -> {
				model.addAttribute("feedback", found.getT3());
				model.addAttribute("article", article);
				model.addAttribute("form", form);
				model.addAttribute("versions", found.getT1());
				model.addAttribute("translations", found.getT2().stream()
					.filter((other) -> !other.getId().equals(article.getId())).toList());
				model.addAttribute("otherLocale", "ko".equals(article.getLocale()) ? "en" : "ko");
				return "knowledge/edit";
			});
	}

	private Mono<Article> readable(String id) {
		return viewer().flatMap((user) -> this.knowledgeBase.findReadable(id, user.orElse(null)));
	}

	private Mono<Optional<CurrentUser>> viewer() {
		return this.currentUsers.currentIfAny();
	}

	private static String managed(String id, ProblemException problem) {
		if (problem.getStatusCode().value() == 404) {
			throw problem;
		}
		return "redirect:/kb/manage/" + id + "?problem=" + problem.slug();
	}


	record FeedbackForm(String helpful, String comment) {
	}

	/** {@code q} from search results; {@code title} when the ask form itself is sent here. */
	/** Form fields arrive in the body, which WebFlux's {@code @RequestParam} does not read. */
	record PromoteForm(String locale, List<String> answerIds) {
	}

	record TranslateForm(String locale) {
	}

	record DeflectForm(String where, String q, String title) {
	}

	/** The editor's form: tags as one comma- or space-separated text. */
	record EditForm(@VisibleText(message = "{article.title.required}") @Size(max = 200, message = "{thread.title.size}") String title,
			@VisibleText(message = "{article.body.required}") @Size(max = 50000, message = "{article.body.size}") String body,
			@Size(max = 200) String tags, Integer baseRevision) {

		EditForm {
			tags = (tags == null) ? "" : tags;
		}

	}

}
