package dev.madang.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.madang.identity.CurrentUsers;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.server.ServerWebExchange;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The inbox page, and the unread count every page's header shows to signed-in members. */
@Controller
@ControllerAdvice(annotations = Controller.class)
class NotificationPages {

	private final Inbox inbox;

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	private final MessageSource messages;

	NotificationPages(Inbox inbox, ThreadService threads, CurrentUsers currentUsers, MessageSource messages) {
		this.messages = messages;
		this.inbox = inbox;
		this.threads = threads;
		this.currentUsers = currentUsers;
	}

	@ModelAttribute("unreadCount")
	Mono<Long> unreadCount() {
		return this.currentUsers.current().flatMap((user) -> this.inbox.unread(user.id()));
	}

	/** A notification as its inbox line: what happened, the thread's title (if any) and where it points. */
	record Line(NotificationApi.NotificationView notification, String what, String title, String path) {
	}

	@GetMapping("/notifications")
	Mono<String> page(Model model, ServerWebExchange exchange) {
		Locale locale = localeOf(exchange);
		return this.currentUsers.current().flatMap((user) -> this.inbox.latest(user.id(), 50).collectList())
			.flatMap((found) -> this.threads.findAll(found.stream().map(Notification::threadId)
				.filter(java.util.Objects::nonNull).distinct().toList())
				.collectMap(ForumThread::getId)
				.map((byId) -> lines(found, byId, locale)))
			.map((lines) -> {
				model.addAttribute("lines", lines);
				return "notification/inbox";
			});
	}

	private List<Line> lines(List<Notification> found, Map<String, ForumThread> threads, Locale locale) {
		return found.stream()
			.filter((notification) -> notification.threadId() == null || threads.containsKey(notification.threadId()))
			.map((notification) -> {
				ForumThread thread = (notification.threadId() != null) ? threads.get(notification.threadId()) : null;
				return new Line(NotificationApi.NotificationView.of(notification), what(notification, locale),
						(thread != null) ? thread.getTitle() : null, EmailComposer.link(notification, thread));
			})
			.toList();
	}

	/** The words of an inbox line; moderation and privileges say which decision or privilege it was. */
	String what(Notification notification, Locale locale) {
		if (NotificationKind.MODERATION.equals(notification.kind()) && notification.detail("what") != null) {
			return this.messages.getMessage("inbox.moderation." + notification.detail("what"), null,
					this.messages.getMessage("inbox.kind.moderation", new Object[] { 1 }, locale), locale);
		}
		if (NotificationKind.PRIVILEGE.equals(notification.kind()) && notification.detail("privilege") != null) {
			return this.messages.getMessage("inbox.privilege." + notification.detail("privilege"),
					new Object[] { notification.detail("reputation") }, locale);
		}
		return this.messages.getMessage("inbox.kind." + notification.kind(), new Object[] { notification.count() },
				notification.kind(), locale);
	}

	private static Locale localeOf(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.ENGLISH;
	}

	/**
	 * The header's inbox link text whenever the unread count changes, as Server-Sent Events for htmx's SSE
	 * extension. It reads the stored count every {@code POLL} on each open stream, so an answer recorded by any
	 * instance reaches every page, at the cost of one count query per open page and poll.
	 */
	@GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	Flux<ServerSentEvent<String>> stream(@RequestParam(defaultValue = "false") boolean once,
			ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.currentUsers.current().flatMapMany((user) -> Flux.interval(Duration.ZERO, POLL)
			.concatMap((tick) -> this.inbox.unread(user.id()))
			.distinctUntilChanged()
			.take(once ? 1 : Long.MAX_VALUE)
			.map((count) -> ServerSentEvent.builder(label(count, locale)).event("unread").build()));
	}

	private static final Duration POLL = Duration.ofSeconds(2);

	private String label(long count, Locale locale) {
		Locale chosen = (locale != null) ? locale : Locale.ENGLISH;
		return (count > 0) ? this.messages.getMessage("nav.inboxUnread", new Object[] { count }, chosen)
				: this.messages.getMessage("nav.inbox", null, chosen);
	}

	@PostMapping("/notifications/read-all")
	Mono<String> readAll() {
		return this.currentUsers.current().flatMap((user) -> this.inbox.markAllRead(user.id()))
			.thenReturn("redirect:/notifications");
	}

}
