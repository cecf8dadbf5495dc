package dev.madang.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.madang.identity.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in member's inbox and watches. */
@RestController
class NotificationApi {

	private final Inbox inbox;

	private final Watches watches;

	private final CurrentUsers currentUsers;

	private final dev.madang.thread.ThreadService threads;

	NotificationApi(Inbox inbox, Watches watches, CurrentUsers currentUsers, dev.madang.thread.ThreadService threads) {
		this.threads = threads;
		this.inbox = inbox;
		this.watches = watches;
		this.currentUsers = currentUsers;
	}

	record NotificationView(String id, String kind, String threadId, String postId, int count, List<String> actorIds,
			Instant firstAt, Instant lastAt, boolean read) {

		static NotificationView of(Notification notification) {
			return new NotificationView(notification.id(), notification.kind(), notification.threadId(),
					notification.postId(), notification.count(), notification.actorIds(), notification.firstAt(),
					notification.lastAt(), notification.read());
		}

	}

	@Operation(summary = "Your latest notifications, newest first (similar ones merged while unread)")
	@GetMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<NotificationView> list() {
		return this.currentUsers.current().flatMapMany((user) -> this.inbox.latest(user.id(), 50))
			.map(NotificationView::of);
	}

	@Operation(summary = "How many of your notifications are unread")
	@GetMapping(path = "/api/v1/notifications/unread-count", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Long>> unread() {
		return this.currentUsers.current().flatMap((user) -> this.inbox.unread(user.id()))
			.map((count) -> Map.of("unread", count));
	}

	@Operation(summary = "Mark one notification read")
	@PostMapping("/api/v1/notifications/{id}/read")
	Mono<ResponseEntity<Void>> read(@PathVariable String id) {
		return this.currentUsers.current().flatMap((user) -> this.inbox.markRead(user.id(), id))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	@Operation(summary = "Mark all your notifications read")
	@PostMapping("/api/v1/notifications/read-all")
	Mono<ResponseEntity<Void>> readAll() {
		return this.currentUsers.current().flatMap((user) -> this.inbox.markAllRead(user.id()))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	record WatchRequest(String level) {
	}

	@Operation(summary = "Watch or mute a thread (level watching or muted)")
	@PutMapping(path = "/api/v1/threads/{threadId}/watch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, String>> watch(@PathVariable String threadId, @RequestBody WatchRequest request) {
		return this.currentUsers.current().flatMap((user) -> this.threads.find(threadId)
			.then(this.watches.choose(user.id(), threadId, request.level())))
			.map((watch) -> Map.of("threadId", watch.threadId(), "level", watch.level()));
	}

	@Operation(summary = "Forget your watch or mute on a thread")
	@DeleteMapping("/api/v1/threads/{threadId}/watch")
	Mono<ResponseEntity<Void>> forget(@PathVariable String threadId) {
		return this.currentUsers.current().flatMap((user) -> this.watches.forget(user.id(), threadId))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

}
