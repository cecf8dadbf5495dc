package dev.madang.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.madang.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderators' review queue: list, open one item with its flags and author, claim, decide. */
@RestController
@RequestMapping(path = "/api/v1/review", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewApi {

	private final ReviewQueue queue;

	private final ReviewDecisions decisions;

	private final ReviewContext context;

	private final CurrentUsers currentUsers;

	ReviewApi(ReviewQueue queue, ReviewDecisions decisions, ReviewContext context, CurrentUsers currentUsers) {
		this.queue = queue;
		this.decisions = decisions;
		this.context = context;
		this.currentUsers = currentUsers;
	}

	@Operation(summary = "Open review items, oldest first, by kind, product area, age (hours) and subject (a post or member)")
	@GetMapping
	Mono<PageView> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String area,
			@RequestParam(required = false) Integer olderThanHours, @RequestParam(required = false) String subject,
			@RequestParam(defaultValue = "0") int page) {
		ReviewQueue.ReviewFilter filter = new ReviewQueue.ReviewFilter(
				(kind == null || kind.isBlank()) ? null : ReviewKind.of(kind), area,
				(olderThanHours == null) ? null : ReviewQueue.age(olderThanHours), subject);
		return Mono.zip(this.queue.list(filter, page), this.queue.counts())
			.map((found) -> new PageView(found.getT1().items().stream().map(ItemView::of).toList(), found.getT1().total(),
					found.getT1().page(), found.getT1().size(), found.getT2()));
	}

	@Operation(summary = "Open review items by kind (the header's count)")
	@GetMapping("/counts")
	Mono<Map<String, Long>> counts() {
		return this.queue.counts();
	}

	@Operation(summary = "One review item with the post's flags and its author's history")
	@GetMapping("/{id}")
	Mono<ReviewContext.ItemDetail> item(@PathVariable String id) {
		return this.queue.find(id).flatMap(this.context::of);
	}

	@Operation(summary = "Claim an item, keeping other moderators off it for the claim time")
	@PostMapping("/{id}/claim")
	Mono<ItemView> claim(@PathVariable String id) {
		return this.currentUsers.current().flatMap((user) -> this.queue.claim(id, user.id())).map(ItemView::of);
	}

	@Operation(summary = "Give the claim back")
	@DeleteMapping("/{id}/claim")
	Mono<ItemView> release(@PathVariable String id) {
		return this.currentUsers.current().flatMap((user) -> this.queue.release(id, user.id())).map(ItemView::of);
	}

	@Operation(summary = "Decide an item: agree, disagree, delete, approve, reject, suspend-author or defer")
	@PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ItemView> decide(@PathVariable String id, @RequestBody ReviewDecisions.Decision decision) {
		return this.currentUsers.current().flatMap((user) -> this.decisions.decide(user, id, decision)).map(ItemView::of);
	}

	record PageView(List<ItemView> items, long total, int page, int size, Map<String, Long> counts) {
	}

	record ItemView(String id, String kind, String subject, String postType, String threadId, String threadTitle,
			String authorId, String area, String excerpt, Map<String, Object> details, Instant createdAt, String status,
			String claimedBy, Instant claimedUntil, String outcome, String decidedBy, Instant decidedAt,
			List<String> outcomes) {

		static ItemView of(ReviewItem item) {
			List<String> outcomes = java.util.Arrays.stream(ReviewOutcome.values())
				.filter((outcome) -> item.reviewKind().outcomes().contains(outcome))
				.map(ReviewOutcome::id)
				.toList();
			return new ItemView(item.id(), item.kind(), item.subject(), item.postType(), item.threadId(),
					item.threadTitle(), item.authorId(), item.area(), item.excerpt(), item.details(), item.createdAt(),
					item.status(), item.claimedBy(), item.claimedUntil(), item.outcome(), item.decidedBy(),
					item.decidedAt(), outcomes);
		}

	}

}
