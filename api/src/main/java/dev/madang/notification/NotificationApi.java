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

	private final NotificationSettings settings;

	private final EmailQueue emails;

	private final dev.madang.identity.AccountService accounts;

	NotificationApi(Inbox inbox, Watches watches, CurrentUsers currentUsers, dev.madang.thread.ThreadService threads,
			NotificationSettings settings, EmailQueue emails, dev.madang.identity.AccountService accounts) {
		this.threads = threads;
		this.settings = settings;
		this.emails = emails;
		this.accounts = accounts;
		this.inbox = inbox;
		this.watches = watches;
		this.currentUsers = currentUsers;
	}

	record NotificationView(String id, String kind, String threadId, String postId, int count, List<String> actorIds,
			Instant firstAt, Instant lastAt, boolean read, Map<String, String> detail) {

		static NotificationView of(Notification notification) {
			return new NotificationView(notification.id(), notification.kind(), notification.threadId(),
					notification.postId(), notification.count(), notification.actorIds(), notification.firstAt(),
					notification.lastAt(), notification.read(),
					(notification.detail() != null) ? notification.detail() : Map.of());
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


	@Operation(summary = "How you hear of each kind of notification (email, daily, weekly, app or off)")
	@GetMapping(path = "/api/v1/notifications/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, String>> preferences() {
		return this.currentUsers.current().flatMap((user) -> this.settings.of(user.id())).map(Preferences::effective);
	}

	@Operation(summary = "Change how you hear of some kinds of notification; kinds not named keep theirs")
	@PutMapping(path = "/api/v1/notifications/preferences", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, String>> choose(@RequestBody Map<String, String> chosen) {
		return this.currentUsers.current().flatMap((user) -> this.settings.choose(user.id(), chosen))
			.map(Preferences::effective);
	}

	record TopicView(String topic, String level) {
	}

	@Operation(summary = "The tags and product areas you watch or muted")
	@GetMapping(path = "/api/v1/watches/topics", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<TopicView> topics() {
		return this.currentUsers.current().flatMapMany((user) -> this.watches.topicsOf(user.id()))
			.map((watch) -> new TopicView(watch.topic(), watch.level()));
	}

	@Operation(summary = "Watch or mute new questions in a tag or product area (topic tag:<name> or area:<key>)")
	@PutMapping(path = "/api/v1/watches/topics/{topic}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<TopicView> watchTopic(@PathVariable String topic, @RequestBody WatchRequest request) {
		return this.currentUsers.current()
			.flatMap((user) -> this.watches.chooseTopic(user.id(), Topics.parse(topic), request.level()))
			.map((watch) -> new TopicView(watch.topic(), watch.level()));
	}

	@Operation(summary = "Forget your watch or mute on a tag or product area")
	@DeleteMapping("/api/v1/watches/topics/{topic}")
	Mono<ResponseEntity<Void>> forgetTopic(@PathVariable String topic) {
		return this.currentUsers.current().flatMap((user) -> this.watches.forgetTopic(user.id(), Topics.parse(topic)))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	record MemberSuggestion(String id, String displayName, String handle) {
	}

	@Operation(summary = "Members whose @handle starts with q, for mention autocomplete")
	@GetMapping(path = "/api/v1/members/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<MemberSuggestion> suggest(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String q) {
		String prefix = q.strip().replaceFirst("^@", "");
		if (prefix.isEmpty() || prefix.length() > 40) {
			return Flux.empty();
		}
		return this.currentUsers.current().flatMapMany((user) -> this.accounts.suggest(prefix, 8))
			.map((author) -> new MemberSuggestion(author.id(), author.displayName(),
					dev.madang.identity.AccountService.handleOf(author.displayName())));
	}

	record EmailView(String id, String state, String purpose, String to, String subject, String messageId,
			Instant dueAt, Instant sentAt, int attempts, String reason, String lastError) {
	}

	@Operation(summary = "The latest emails and their delivery state (admins; the outbox when SMTP is not set)")
	@GetMapping(path = "/api/v1/admin/emails", produces = MediaType.APPLICATION_JSON_VALUE)
	Flux<EmailView> emails() {
		return this.emails.latest(100).map((email) -> new EmailView(email.id(), email.state(), email.purpose(),
				email.to(), email.subject(), email.messageId(), email.dueAt(), email.sentAt(), email.attempts(),
				email.reason(), email.lastError()));
	}

}
