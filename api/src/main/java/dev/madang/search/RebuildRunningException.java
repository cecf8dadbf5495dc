package dev.madang.search;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** A rebuild was asked for while one runs (here or on another instance). */
class RebuildRunningException extends ProblemException {

	RebuildRunningException() {
		super(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running",
				"The search index is being rebuilt already; its status shows when it ends.");
	}

}
