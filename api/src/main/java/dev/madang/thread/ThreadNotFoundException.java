package dev.madang.thread;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** No thread has the requested id (or it is not visible to the caller). */
public class ThreadNotFoundException extends ProblemException {

	public ThreadNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, "thread-not-found", "Thread not found", "No thread with id " + id + ".");
	}

}
