package dev.madang.thread;

/**
 * Where a question stands in its life. Closing, locking and merging are moderators' marks beside the status
 * ({@link ForumThread#getClosure()}, {@link ForumThread#getLock()}, {@link ForumThread#getMergedInto()}), so lifting
 * one brings back the status the thread had.
 */
public enum ThreadStatus {

	OPEN, ANSWERED, SOLVED, DELETED

}
