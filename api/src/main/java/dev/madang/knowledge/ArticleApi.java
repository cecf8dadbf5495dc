package dev.madang.knowledge;

import java.net.URI;
import java.util.List;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.revision.RevisionDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** REST resource for knowledge-base articles: reading is public, writing is for staff (the path rules and the service). */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Knowledge base", description = "Official articles promoted from solved threads")
class ArticleApi {

	private static final int MAX_LIST = 100;

	private final KnowledgeBase knowledgeBase;

	private final Helpfulness helpfulness;

	private final Deflections deflections;

	private final CurrentUsers currentUsers;

	private final ArticlePromotion promotion;

	private final ArticleVersions versions;

	ArticleApi(KnowledgeBase knowledgeBase, Helpfulness helpfulness, Deflections deflections,
			CurrentUsers currentUsers, ArticlePromotion promotion, ArticleVersions versions) {
		this.promotion = promotion;
		this.versions = versions;
		this.knowledgeBase = knowledgeBase;
		this.helpfulness = helpfulness;
		this.deflections = deflections;
		this.currentUsers = currentUsers;
	}

	@GetMapping
	@Operation(summary = "Articles, newest first: published ones for readers; staff may filter by status or changed sources")
	Mono<List<ArticleView>> list(@RequestParam(required = false) @Pattern(regexp = "ko|en") String locale,
			@RequestParam(required = false) @Size(max = 40) String area,
			@RequestParam(required = false) @Pattern(regexp = "draft|in-review|published|archived") String status,
			@RequestParam(defaultValue = "false") boolean sourceChanged,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIST) int size) {
		ArticleStatus wanted = (status == null) ? null : ArticleStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		return viewer().flatMap((user) -> this.knowledgeBase
			.list(new ArticleFilter(locale, area, wanted, sourceChanged, false), user.orElse(null), size)
			.map((article) -> ArticleView.of(article, KnowledgeBase.isStaff(user.orElse(null))))
			.collectList());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Promote a solved thread: a draft from its question and accepted answer (staff)")
	Mono<ResponseEntity<ArticleView>> promote(@Valid @RequestBody PromoteRequest request) {
		return this.currentUsers.current()
			.flatMap((staff) -> this.promotion.promote(staff, request.threadId(),
					new Promotion(request.locale(), request.answerIds())))
			.map((article) -> ResponseEntity.created(URI.create("/api/v1/articles/" + article.getId()))
				.body(ArticleView.of(article, true)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One article: the published version for readers, the working copy too for staff")
	Mono<ArticleView> read(@PathVariable String id) {
		return viewer().flatMap((user) -> this.knowledgeBase.findReadable(id, user.orElse(null))
			.map((article) -> ArticleView.of(article, KnowledgeBase.isStaff(user.orElse(null)))));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save the working copy (staff); readers keep seeing the published version")
	Mono<ArticleView> update(@PathVariable String id, @Valid @RequestBody ArticleEdit edit) {
		return staff((user) -> this.knowledgeBase.edit(user, id, edit));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Send a draft for review (staff)")
	Mono<ArticleView> submit(@PathVariable String id) {
		return staff((user) -> this.knowledgeBase.submit(user, id));
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish the working copy as the next version (staff)")
	Mono<ArticleView> publish(@PathVariable String id) {
		return staff((user) -> this.knowledgeBase.publish(user, id));
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "Take the article off the knowledge base and search (staff)")
	Mono<ArticleView> archive(@PathVariable String id) {
		return staff((user) -> this.knowledgeBase.archive(user, id));
	}

	@PostMapping("/{id}/source-reviewed")
	@Operation(summary = "Clear the 'source changed' flag after reviewing the edited source posts (staff)")
	Mono<ArticleView> sourceReviewed(@PathVariable String id) {
		return staff((user) -> this.knowledgeBase.markSourcesReviewed(user, id));
	}

	@PostMapping(path = "/{id}/translations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start the article's version in another language, linked as its translation (staff)")
	Mono<ArticleView> translate(@PathVariable String id, @Valid @RequestBody TranslationRequest request) {
		return staff((user) -> this.promotion.translate(user, id, request.locale()));
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "The published versions, newest first (staff)")
	Mono<List<VersionSummary>> versions(@PathVariable String id) {
		return this.versions.versions(id).map((versions) -> versions.stream()
			.map((version) -> new VersionSummary(version.number(), version.title(), version.publishedBy(),
					version.publishedAt()))
			.toList());
	}

	@GetMapping("/{id}/versions/{number}")
	@Operation(summary = "One published version (staff)")
	Mono<PublishedVersion> version(@PathVariable String id, @PathVariable int number) {
		return this.knowledgeBase.find(id).flatMap((article) -> this.versions.version(article, number));
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "What changed between two published versions; 0 stands for the working copy (staff)")
	Mono<RevisionDiff> diff(@PathVariable String id, @RequestParam @Min(0) int from, @RequestParam @Min(0) int to) {
		return this.versions.diff(id, from, to);
	}

	@PostMapping("/{id}/versions/{number}/restore")
	@Operation(summary = "Make an old version the working copy again, as a draft (staff)")
	Mono<ArticleView> restore(@PathVariable String id, @PathVariable int number) {
		return staff((user) -> this.knowledgeBase.restore(user, id, number));
	}

	@PutMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Was this helpful? One answer per account or anonymous browser; answering again replaces it")
	Mono<Helpfulness.Counts> feedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest request,
			ServerWebExchange exchange) {
		return Readers.key(exchange, this.currentUsers.current())
			.flatMap((reader) -> this.helpfulness.rate(id, reader, request.helpful(), request.comment()))
			.map(Helpfulness.Counts::of);
	}

	@PostMapping(path = "/{id}/deflections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "The article answered the reader's question from search or while asking")
	Mono<Void> deflection(@PathVariable String id, @Valid @RequestBody DeflectionRequest request,
			ServerWebExchange exchange) {
		return Readers.key(exchange, this.currentUsers.current())
			.flatMap((reader) -> this.deflections.record(id, request.where(), request.query(), reader))
			.then();
	}

	private Mono<ArticleView> staff(java.util.function.Function<CurrentUser, Mono<Article>> action) {
		return this.currentUsers.current().flatMap(action).map((article) -> ArticleView.of(article, true));
	}

	private Mono<java.util.Optional<CurrentUser>> viewer() {
		return this.currentUsers.currentIfAny();
	}

	record PromoteRequest(@NotBlank @Size(max = 40) String threadId, @Pattern(regexp = "ko|en") String locale,
			@Size(max = 10) List<String> answerIds) {
	}

	record TranslationRequest(@NotNull @Pattern(regexp = "ko|en") String locale) {
	}

	record FeedbackRequest(@NotNull Boolean helpful, @Size(max = 1000) String comment) {
	}

	/** @param where {@code search} or {@code ask} */
	record DeflectionRequest(@NotNull @Pattern(regexp = "search|ask") String where, @Size(max = 500) String query) {
	}

	record VersionSummary(int number, String title, String publishedBy, java.time.Instant publishedAt) {
	}

}
