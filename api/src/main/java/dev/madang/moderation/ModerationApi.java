package dev.madang.moderation;

import java.time.Instant;

import dev.madang.audit.AuditLog;
import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.identity.Restriction;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadModeration;
import dev.madang.thread.ThreadService;
import dev.madang.thread.ThreadView;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moderators' actions on threads and members, each with its undoing, and the audit log and figures. */
@RestController
@RequestMapping(path = "/api/v1/moderation", produces = MediaType.APPLICATION_JSON_VALUE)
class ModerationApi {

	private final ThreadModeration threads;

	private final ThreadService threadService;

	private final QuestionMerge merges;

	private final Suspensions suspensions;

	private final AuditLog audit;

	private final ModerationFigures figures;

	private final CurrentUsers currentUsers;

	ModerationApi(ThreadModeration threads, ThreadService threadService, QuestionMerge merges, Suspensions suspensions,
			AuditLog audit, ModerationFigures figures, CurrentUsers currentUsers) {
		this.threads = threads;
		this.threadService = threadService;
		this.merges = merges;
		this.suspensions = suspensions;
		this.audit = audit;
		this.figures = figures;
		this.currentUsers = currentUsers;
	}

	record CloseRequest(String reason, String duplicateOf, String note) {
	}

	record ReasonRequest(String reason) {
	}

	record MoveRequest(String area) {
	}

	record MergeRequest(String target) {
	}

	record RestrictRequest(String kind, Integer days, String reason) {
	}

	@Operation(summary = "Close a question with a reason (duplicate needs duplicateOf)")
	@PostMapping(path = "/threads/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ThreadView> close(@PathVariable String id, @RequestBody CloseRequest request) {
		return as((user) -> this.threads.close(id, user.id(), request.reason(), request.duplicateOf(), request.note()));
	}

	@Operation(summary = "Reopen a closed question")
	@PostMapping("/threads/{id}/reopen")
	Mono<ThreadView> reopen(@PathVariable String id) {
		return as((user) -> this.threads.reopen(id, user.id()));
	}

	@Operation(summary = "Lock a thread: no new answers, comments or votes")
	@PostMapping("/threads/{id}/lock")
	Mono<ThreadView> lock(@PathVariable String id, @RequestBody(required = false) ReasonRequest request) {
		return as((user) -> this.threads.lock(id, user.id(), (request != null) ? request.reason() : null));
	}

	@Operation(summary = "Unlock a thread")
	@PostMapping("/threads/{id}/unlock")
	Mono<ThreadView> unlock(@PathVariable String id) {
		return as((user) -> this.threads.unlock(id, user.id()));
	}

	@Operation(summary = "Pin a question to the top of its product area")
	@PostMapping("/threads/{id}/pin")
	Mono<ThreadView> pin(@PathVariable String id) {
		return as((user) -> this.threads.pin(id, user.id(), true));
	}

	@Operation(summary = "Take a question's pin away")
	@PostMapping("/threads/{id}/unpin")
	Mono<ThreadView> unpin(@PathVariable String id) {
		return as((user) -> this.threads.pin(id, user.id(), false));
	}

	@Operation(summary = "Move a question to another product area")
	@PostMapping(path = "/threads/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ThreadView> move(@PathVariable String id, @RequestBody MoveRequest request) {
		return as((user) -> this.threads.move(id, user.id(), request.area()));
	}

	@Operation(summary = "Merge a duplicate into its target: answers and comments move with their votes")
	@PostMapping(path = "/threads/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ThreadView> merge(@PathVariable String id, @RequestBody MergeRequest request) {
		String target = (request.target() == null) ? "" : request.target().strip();
		return as((user) -> this.merges.merge(id, target, user.id()));
	}

	@Operation(summary = "Undo a merge: the answers and comments go back")
	@PostMapping("/threads/{id}/unmerge")
	Mono<ThreadView> unmerge(@PathVariable String id) {
		return as((user) -> this.merges.unmerge(id, user.id()));
	}

	@Operation(summary = "Suspend (no writes) or silence (no new posts) a member for 1, 3, 7, 30 days or for good (0)")
	@PutMapping(path = "/members/{id}/restriction", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Restriction> restrict(@PathVariable String id, @RequestBody RestrictRequest request) {
		return this.currentUsers.current().flatMap((user) -> this.suspensions.restrict(user, id, request.kind(),
				(request.days() == null) ? -1 : request.days(), request.reason()));
	}

	@Operation(summary = "Lift a member's suspension or silence")
	@DeleteMapping("/members/{id}/restriction")
	Mono<ResponseEntity<Void>> lift(@PathVariable String id) {
		return this.currentUsers.current().flatMap((user) -> this.suspensions.lift(user.id(), id, "lifted by a moderator"))
			.map((lifted) -> ResponseEntity.noContent().build());
	}

	@Operation(summary = "The audit log, newest first, by actor, action and subject")
	@GetMapping("/audit")
	Mono<AuditLog.AuditPage> audit(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String subject,
			@RequestParam(required = false) Instant since, @RequestParam(defaultValue = "0") int page) {
		return this.audit.read(new AuditLog.AuditFilter(actor, action, subject, since), page, 50);
	}

	@Operation(summary = "Moderation figures: flags by outcome, queue size and age, time from flag to decision")
	@GetMapping("/figures")
	Mono<ModerationFigures.Figures> figures() {
		return this.figures.now();
	}

	private Mono<ThreadView> as(java.util.function.Function<CurrentUser, Mono<ForumThread>> action) {
		return this.currentUsers.current().flatMap(action)
			.map((thread) -> ThreadView.of(thread, this.threadService.bodyHtml(thread)));
	}

}
