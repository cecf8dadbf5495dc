package dev.madang.thread;

/** Where a question stands. Closed and locked threads take no new answers; deleted ones are hidden. */
public enum ThreadStatus {

	OPEN, ANSWERED, SOLVED, CLOSED, LOCKED, DELETED;

	public boolean acceptsAnswers() {
		return this == OPEN || this == ANSWERED || this == SOLVED;
	}

}
