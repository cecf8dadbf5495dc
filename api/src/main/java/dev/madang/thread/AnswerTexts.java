package dev.madang.thread;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The plain text of a thread's visible answers, which its search document carries. The answer module provides it
 * (answers depend on threads, not the other way round).
 */
public interface AnswerTexts {

	/** The visible ones of these answers, as plain text, by thread id. */
	Mono<Map<String, List<AnswerText>>> visible(Collection<String> answerIds);

	/** An answer's id and plain text. */
	record AnswerText(String answerId, String text) {
	}

}
