package dev.madang.notification;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.madang.answer.AnswerService;
import dev.madang.comment.CommentService;
import dev.madang.identity.AccountService;
import dev.madang.identity.Author;
import dev.madang.identity.UserAccount;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an email when it is sent, not when it was scheduled: it shows the post as it is then (a quick edit is what
 * the member reads), and an email whose reason went away (the notification was read, the post deleted or hidden, the
 * member chose otherwise, the day's cap is reached) is cancelled instead. Korean or English by the member's language,
 * HTML with a plain-text part, from the templates in {@code templates/mail/}.
 */
@Component
class EmailComposer {

	private static final int EXCERPT = 400;

	private final SpringTemplateEngine templates;

	private final MessageSource messages;

	private final Inbox inbox;

	private final NotificationSettings settings;

	private final EmailQueue emails;

	private final AccountService accounts;

	private final ThreadService threads;

	private final AnswerService answers;

	private final CommentService comments;

	private final UnsubscribeLinks unsubscribe;

	private final MailProperties mail;

	EmailComposer(MessageSource messages, Inbox inbox, NotificationSettings settings, EmailQueue emails,
			AccountService accounts, ThreadService threads, AnswerService answers, CommentService comments,
			UnsubscribeLinks unsubscribe, MailProperties mail) {
		this.messages = messages;
		this.inbox = inbox;
		this.settings = settings;
		this.emails = emails;
		this.accounts = accounts;
		this.threads = threads;
		this.answers = answers;
		this.comments = comments;
		this.unsubscribe = unsubscribe;
		this.mail = mail;
		this.templates = new SpringTemplateEngine();
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
		this.templates.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	/** What the email says now, or why it is no longer to be sent. */
	record Draft(EmailQueue.Composed composed, String cancelled) {

		static Draft cancel(String reason) {
			return new Draft(null, reason);
		}

	}

	Mono<Draft> compose(Email email) {
		Mono<Draft> draft = Email.DIGEST.equals(email.purpose()) ? digest(email) : notification(email);
		return draft.defaultIfEmpty(Draft.cancel("gone"));
	}

	private Mono<Draft> notification(Email email) {
		return this.inbox.find(email.notificationId()).flatMap((notification) -> {
			if (notification.read()) {
				return Mono.just(Draft.cancel("read"));
			}
			return Mono.zip(this.accounts.find(email.userId()), this.settings.of(email.userId()),
					this.emails.sentToday(email.userId()))
				.flatMap((found) -> {
					UserAccount account = found.getT1();
					if (account.getEmail() == null) {
						return Mono.just(Draft.cancel("no-address"));
					}
					if (found.getT2().of(notification.kind()) != Delivery.EMAIL) {
						return Mono.just(Draft.cancel("preference"));
					}
					if (found.getT3() >= this.mail.dailyCap()) {
						// Past the day's cap the notification waits for the daily digest.
						return this.inbox.keepForDigest(notification.id())
							.then(this.settings.awaitDigest(email.userId(), Delivery.DAILY))
							.thenReturn(Draft.cancel("daily-cap"));
					}
					return about(notification).flatMap((subject) -> subject.cancelled().isPresent()
							? Mono.just(Draft.cancel(subject.cancelled().get()))
							: write(account, notification, subject));
				});
		});
	}

	/** The thread and the post a notification is about, and their state. */
	private record About(ForumThread thread, String excerpt, Optional<String> cancelled) {
	}

	private Mono<About> about(Notification notification) {
		if (notification.threadId() == null) {
			return Mono.just(new About(null, null, Optional.empty()));
		}
		boolean moderation = NotificationKind.MODERATION.equals(notification.kind());
		return this.threads.find(notification.threadId()).flatMap((thread) -> {
			if (!moderation && !thread.isPublic()) {
				return Mono.just(new About(thread, null, Optional.of("thread-not-public")));
			}
			return post(notification).map((post) -> new About(thread, post.orElse(null),
					Optional.empty()))
				.switchIfEmpty(Mono.just(new About(thread, null, moderation ? Optional.empty()
						: Optional.of("post-gone"))));
		}).onErrorResume((gone) -> Mono.just(new About(null, null, Optional.of("thread-gone"))));
	}

	/** The post's text as an excerpt; empty when it was deleted or hidden since (a thread's own events have none). */
	private Mono<Optional<String>> post(Notification notification) {
		String kind = notification.kind();
		String postType = NotificationKind.MENTION.equals(kind) ? notification.detail("postType")
				: NotificationKind.COMMENT.equals(kind) ? "comment" : "answer";
		if (notification.postId() == null || NotificationKind.QUESTION.equals(kind)
				|| NotificationKind.PROMOTED.equals(kind) || NotificationKind.MODERATION.equals(kind)) {
			return Mono.just(Optional.empty());
		}
		if ("comment".equals(postType)) {
			return this.comments.find(notification.postId())
				.filter((comment) -> comment.hold() == null)
				.map((comment) -> Optional.of(excerpt(comment.body())))
				.onErrorResume((gone) -> Mono.empty());
		}
		return this.answers.find(notification.postId())
			.filter((answer) -> !answer.isDeleted() && !answer.isHidden())
			.map((answer) -> Optional.of(excerpt(answer.getBody())))
			.onErrorResume((gone) -> Mono.empty());
	}

	private Mono<Draft> write(UserAccount account, Notification notification, About about) {
		Locale locale = localeOf(account);
		List<String> actors = (notification.actorIds() != null)
				? notification.actorIds().stream().filter(java.util.Objects::nonNull).toList() : List.of();
		return Mono.zip(this.accounts.authors(actors),
				this.unsubscribe.link(account.getId(), notification.kind()))
			.map((found) -> {
				String actor = found.getT1().values().stream().map(Author::displayName).findFirst().orElse("");
				String title = (about.thread() != null) ? about.thread().getTitle() : "";
				Context context = context(account, locale, found.getT2());
				context.setVariable("kind", notification.kind());
				context.setVariable("count", notification.count());
				context.setVariable("title", title);
				context.setVariable("actor", actor);
				context.setVariable("excerpt", about.excerpt());
				context.setVariable("detail", (notification.detail() != null) ? notification.detail() : Map.of());
				context.setVariable("url", this.mail.baseUrl() + link(notification, about.thread()));
				String subject = this.messages.getMessage("mail.subject." + notification.kind(),
						new Object[] { title, notification.count(), actor }, locale);
				return new Draft(new EmailQueue.Composed(account.getEmail(), locale.getLanguage(), subject,
						this.templates.process("notification.txt", context),
						this.templates.process("notification.html", context), found.getT2()), null);
			});
	}

	private Mono<Draft> digest(Email email) {
		return this.accounts.find(email.userId()).flatMap((account) -> {
			if (account.getEmail() == null) {
				return Mono.just(Draft.cancel("no-address"));
			}
			Locale locale = localeOf(account);
			return this.inbox.findAll(email.notificationIds())
				.sort(Comparator.comparingInt(Notification::count).reversed()
					.thenComparing(Notification::lastAt, Comparator.reverseOrder()))
				.take(20)
				.concatMap((notification) -> line(notification, locale))
				.collectList()
				.flatMap((lines) -> lines.isEmpty() ? Mono.just(Draft.cancel("nothing-left"))
						: this.unsubscribe.link(account.getId(), "all").map((unsubscribeUrl) -> {
							Context context = context(account, locale, unsubscribeUrl);
							context.setVariable("lines", lines);
							String subject = this.messages.getMessage("mail.subject.digest",
									new Object[] { lines.size() }, locale);
							return new Draft(new EmailQueue.Composed(account.getEmail(), locale.getLanguage(), subject,
									this.templates.process("digest.txt", context),
									this.templates.process("digest.html", context), unsubscribeUrl), null);
						}));
		});
	}

	/** One line of a digest: what happened, on which thread, with its address. */
	record DigestLine(String what, String title, String url) {
	}

	private Flux<DigestLine> line(Notification notification, Locale locale) {
		String what = this.messages.getMessage("inbox.kind." + notification.kind(),
				new Object[] { notification.count() }, locale);
		if (notification.threadId() == null) {
			return Flux.just(new DigestLine(what, "", this.mail.baseUrl() + "/notifications"));
		}
		return this.threads.find(notification.threadId())
			.filter(ForumThread::isPublic)
			.map((thread) -> new DigestLine(what, thread.getTitle(), this.mail.baseUrl() + link(notification, thread)))
			.onErrorResume((gone) -> Mono.empty())
			.flux();
	}

	private Context context(UserAccount account, Locale locale, String unsubscribeUrl) {
		Context context = new Context(locale);
		context.setVariable("name", account.getDisplayName());
		context.setVariable("lang", locale.getLanguage());
		context.setVariable("siteUrl", this.mail.baseUrl());
		context.setVariable("settingsUrl", this.mail.baseUrl() + "/notifications/settings");
		context.setVariable("unsubscribeUrl", unsubscribeUrl);
		return context;
	}

	/** The page a notification points to (the same as its line in the inbox). */
	static String link(Notification notification, ForumThread thread) {
		if (thread == null) {
			return "/notifications";
		}
		String anchor = switch (notification.kind()) {
			case NotificationKind.ANSWER, NotificationKind.ACCEPTED, NotificationKind.SOLUTION -> "#answer-"
					+ notification.postId();
			case NotificationKind.MENTION -> "answer".equals(notification.detail("postType"))
					? "#answer-" + notification.postId() : "";
			default -> "";
		};
		return Slugs.threadPath(thread.getId(), thread.getTitle()) + anchor;
	}

	private static Locale localeOf(UserAccount account) {
		return "ko".equals(account.getLocale()) ? Locale.KOREAN : Locale.ENGLISH;
	}

	private static String excerpt(String markdown) {
		String plain = (markdown == null) ? "" : markdown.replaceAll("\\s+", " ").strip();
		return (plain.length() <= EXCERPT) ? plain : plain.substring(0, EXCERPT - 1) + "…";
	}

}
