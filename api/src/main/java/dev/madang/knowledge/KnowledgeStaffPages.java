package dev.madang.knowledge;

import java.util.ArrayList;
import java.util.List;

import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
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

/**
 * The staff pages that write the knowledge base: promote from a thread, edit, review, publish, archive, versions and
 * their differences, translations. They live under {@code /kb/manage}, so no article slug can collide with them.
 */
@Controller
class KnowledgeStaffPages {

	private final KnowledgeBase knowledgeBase;

	private final Helpfulness helpfulness;

	private final CurrentUsers currentUsers;

	private final ThreadService threads;

	private final ArticlePromotion promotion;

	private final ArticleVersions versions;

	KnowledgeStaffPages(KnowledgeBase knowledgeBase, Helpfulness helpfulness, CurrentUsers currentUsers, ThreadService threads, ArticlePromotion promotion, ArticleVersions versions) {
		this.promotion = promotion;
		this.versions = versions;
		this.knowledgeBase = knowledgeBase;
		this.helpfulness = helpfulness;
		this.currentUsers = currentUsers;
		this.threads = threads;
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
			.flatMap((staff) -> this.promotion.translate(staff, id, locale))
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
		return this.knowledgeBase.find(id).flatMap((article) -> this.versions.diff(id, Math.max(0, from),
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
			.flatMap((staff) -> this.promotion.promote(staff, id, new Promotion(wanted, others)))
			.map((article) -> "redirect:/kb/manage/" + article.getId() + "?promoted")
			.onErrorResume(ProblemException.class, (problem) -> this.threads.find(id)
				.map((thread) -> "redirect:" + Slugs.threadPath(id, thread.getTitle()) + "?problem=" + problem.slug()));
	}

	private Mono<String> showEditor(Article article, EditForm form, Model model) {
		return Mono.zip(this.versions.versions(article.getId()),
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

	private static String managed(String id, ProblemException problem) {
		if (problem.getStatusCode().value() == 404) {
			throw problem;
		}
		return "redirect:/kb/manage/" + id + "?problem=" + problem.slug();
	}

	/** {@code q} from search results; {@code title} when the ask form itself is sent here. */
	/** Form fields arrive in the body, which WebFlux's {@code @RequestParam} does not read. */
	record PromoteForm(String locale, List<String> answerIds) {
	}

	record TranslateForm(String locale) {
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
