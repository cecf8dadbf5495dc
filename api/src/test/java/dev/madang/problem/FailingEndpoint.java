package dev.madang.problem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails the way a bug would, to check what an unexpected error reveals. */
@RestController
class FailingEndpoint {

	static final String PATH = "/api/v1/test-only/failure";

	static final String SECRET = "connection string mongodb://admin:hunter2@db";

	@GetMapping(PATH)
	String fail() {
		throw new IllegalStateException(SECRET);
	}

}
