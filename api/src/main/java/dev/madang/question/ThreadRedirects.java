package dev.madang.question;

import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadService;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Where a question page's form goes after it is handled: back to the thread, at an anchor or with the problem. */
@Component
class ThreadRedirects {

	private final ThreadService threads;

	ThreadRedirects(ThreadService threads) {
		this.threads = threads;
	}

	Mono<String> backTo(String threadId, String anchor) {
		return this.threads.find(threadId)
			.map((thread) -> "redirect:" + Slugs.threadPath(threadId, thread.getTitle()) + anchor);
	}

	/** Back to the thread, which shows the problem's message in the reader's language ({@code problem.<slug>}). */
	Mono<String> backWithProblem(String threadId, ProblemException problem) {
		return backWithProblem(threadId, problem.slug());
	}

	Mono<String> backWithProblem(String threadId, String slug) {
		return this.threads.find(threadId)
			.map((thread) -> "redirect:" + Slugs.threadPath(threadId, thread.getTitle()) + "?problem=" + slug);
	}

}
