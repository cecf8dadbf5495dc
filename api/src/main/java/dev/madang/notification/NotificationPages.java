package dev.madang.notification;

import java.util.List;
import java.util.Map;

import dev.madang.identity.CurrentUsers;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The inbox page, and the unread count every page's header shows to signed-in members. */
@Controller
@ControllerAdvice(annotations = Controller.class)
class NotificationPages {

	private final Inbox inbox;

	private final ThreadService threads;

	private final CurrentUsers currentUsers;

	NotificationPages(Inbox inbox, ThreadService threads, CurrentUsers currentUsers) {
		this.inbox = inbox;
		this.threads = threads;
		this.currentUsers = currentUsers;
	}

	@ModelAttribute("unreadCount")
	Mono<Long> unreadCount() {
		return this.currentUsers.current().flatMap((user) -> this.inbox.unread(user.id()));
	}

	/** A notification with the title and address of its thread. */
	record Line(NotificationApi.NotificationView notification, String title, String path) {
	}

	@GetMapping("/notifications")
	Mono<String> page(Model model) {
		return this.currentUsers.current().flatMap((user) -> this.inbox.latest(user.id(), 50).collectList())
			.flatMap((found) -> this.threads.findAll(found.stream().map(Notification::threadId).distinct().toList())
				.collectMap(ForumThread::getId)
				.map((byId) -> lines(found, byId)))
			.map((lines) -> {
				model.addAttribute("lines", lines);
				return "notification/inbox";
			});
	}

	private static List<Line> lines(List<Notification> found, Map<String, ForumThread> threads) {
		return found.stream().filter((notification) -> threads.containsKey(notification.threadId()))
			.map((notification) -> {
				ForumThread thread = threads.get(notification.threadId());
				String path = Slugs.threadPath(thread.getId(), thread.getTitle())
						+ ("answer".equals(notification.kind()) || "accepted".equals(notification.kind())
								|| "solution".equals(notification.kind()) ? "#answer-" + notification.postId() : "");
				return new Line(NotificationApi.NotificationView.of(notification), thread.getTitle(), path);
			})
			.toList();
	}

	@PostMapping("/notifications/read-all")
	Mono<String> readAll() {
		return this.currentUsers.current().flatMap((user) -> this.inbox.markAllRead(user.id()))
			.thenReturn("redirect:/notifications");
	}

}
