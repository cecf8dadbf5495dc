package dev.madang.moderation;

import dev.madang.answer.AnswerService;
import dev.madang.comment.CommentService;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadModeration;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Merging a duplicate into its target and undoing it. The source is marked first (with its event and the list of
 * what moves), then its answers and comments move (their votes and reputation are keyed by post and go with them),
 * then the target counts them once. Every step is harmless to repeat, so merging again finishes a merge cut short.
 */
@Component
class QuestionMerge {

	private final ThreadModeration threads;

	private final ThreadService threadService;

	private final AnswerService answers;

	private final CommentService comments;

	QuestionMerge(ThreadModeration threads, ThreadService threadService, AnswerService answers,
			CommentService comments) {
		this.threads = threads;
		this.threadService = threadService;
		this.answers = answers;
		this.comments = comments;
	}

	Mono<ForumThread> merge(String sourceId, String targetId, String actorId) {
		return this.threads.markMerged(sourceId, targetId, actorId)
			.flatMap((source) -> this.answers.moveAll(source.getMergedAnswerIds(), targetId)
				.flatMap((visible) -> this.comments.moveAll(source.getMergedCommentIds(), targetId)
					.then(this.threads.absorb(targetId, source, visible))))
			.then(this.threadService.find(targetId));
	}

	Mono<ForumThread> unmerge(String sourceId, String actorId) {
		return this.threadService.find(sourceId).flatMap((source) -> {
			String targetId = source.getMergedInto();
			if (targetId == null) {
				return this.threads.markUnmerged(sourceId, actorId);
			}
			return this.answers.moveAll(source.getMergedAnswerIds(), sourceId)
				.flatMap((visible) -> this.comments.moveAll(source.getMergedCommentIds(), sourceId)
					.then(this.threads.giveBack(targetId, source, visible)))
				.then(this.threads.markUnmerged(sourceId, actorId));
		});
	}

}
