package dev.madang.moderation;

import dev.madang.answer.AnswerService;
import dev.madang.comment.CommentService;
import dev.madang.markdown.MarkdownRenderer;
import dev.madang.post.Hold;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadModeration;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Questions, answers and comments behind one face for moderation: read one, hide it, show it again, remove it. Each
 * call goes to the module that owns the post, which records the change with its event.
 */
@Component
class ModeratedPosts {

	private static final int EXCERPT = 600;

	private final ThreadService threads;

	private final ThreadModeration threadModeration;

	private final AnswerService answers;

	private final CommentService comments;

	ModeratedPosts(ThreadService threads, ThreadModeration threadModeration, AnswerService answers,
			CommentService comments) {
		this.threads = threads;
		this.threadModeration = threadModeration;
		this.answers = answers;
		this.comments = comments;
	}

	Mono<ModeratedPost> find(PostRef ref) {
		return switch (ref.type()) {
			case "question" -> this.threads.find(ref.id()).map((thread) -> new ModeratedPost(ref, thread.getId(),
					thread.getTitle(), thread.getAuthorId(), thread.getProductArea(), text(thread.getBody(),
							thread.getBodyFormat()), thread.isDeleted(), thread.isHidden(), thread.getCreatedAt()));
			case "answer" -> this.answers.find(ref.id()).flatMap((answer) -> thread(answer.getThreadId())
				.map((thread) -> new ModeratedPost(ref, thread.getId(), thread.getTitle(), answer.getAuthorId(),
						thread.getProductArea(), text(answer.getBody(), answer.getBodyFormat()),
						answer.isDeleted() || thread.isDeleted(), answer.isHidden(), answer.getCreatedAt())));
			default -> this.comments.find(ref.id()).flatMap((comment) -> thread(comment.threadId())
				.map((thread) -> new ModeratedPost(ref, thread.getId(), thread.getTitle(), comment.authorId(),
						thread.getProductArea(), excerpt(comment.body()), thread.isDeleted(), comment.isHidden(),
						comment.createdAt())));
		};
	}

	private Mono<ForumThread> thread(String threadId) {
		return this.threads.find(threadId);
	}

	/** Hides the post pending review; returns whether this call hid it. */
	Mono<Boolean> hide(PostRef ref, Hold hold) {
		return switch (ref.type()) {
			case "question" -> this.threadModeration.hide(ref.id(), hold);
			case "answer" -> this.answers.hide(ref.id(), hold);
			default -> this.comments.hide(ref.id(), hold);
		};
	}

	Mono<Boolean> release(PostRef ref, String actorId) {
		return switch (ref.type()) {
			case "question" -> this.threadModeration.release(ref.id(), actorId);
			case "answer" -> this.answers.release(ref.id(), actorId);
			default -> this.comments.release(ref.id(), actorId);
		};
	}

	/**
	 * Removes the post for good as far as readers go: questions and answers are deleted (undeletable by moderators,
	 * revisions kept); comments, which have no deletion, stay hidden by a moderator.
	 */
	Mono<Void> remove(PostRef ref, String actorId, Hold hold) {
		return switch (ref.type()) {
			case "question" -> this.threads.markDeleted(ref.id(), actorId).then();
			case "answer" -> this.answers.find(ref.id()).flatMap((answer) -> this.answers.markDeleted(answer, actorId))
				.then();
			default -> this.comments.hide(ref.id(), hold).then();
		};
	}

	private static String text(String body, String format) {
		return excerpt(MarkdownRenderer.plainText(body, format));
	}

	private static String excerpt(String text) {
		String plain = (text == null) ? "" : text.strip();
		return (plain.length() > EXCERPT) ? plain.substring(0, EXCERPT) + "…" : plain;
	}

}
