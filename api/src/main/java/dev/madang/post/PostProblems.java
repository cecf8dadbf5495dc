package dev.madang.post;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The refusals every kind of post shares. */
public final class PostProblems {

	private PostProblems() {
	}

	/** Deleted posts take no edits, votes, comments or answers until they are undeleted. */
	public static ProblemException deleted() {
		return new ProblemException(HttpStatus.CONFLICT, "post-deleted", "Post deleted",
				"This post is deleted; undelete it first.");
	}

	public static ProblemException notYours(String action) {
		return new ProblemException(HttpStatus.FORBIDDEN, "not-yours", "Not your post",
				"Only the author or a moderator may " + action + " this post.");
	}

}
