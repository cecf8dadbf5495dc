package dev.madang.thread;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No thread has the requested id (or it is not visible to the caller). */
public class ThreadNotFoundException extends ErrorResponseException {

	public ThreadNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No thread with id " + id + ".");
		problem.setType(URI.create("/problems/thread-not-found"));
		problem.setTitle("Thread not found");
		return problem;
	}

}
