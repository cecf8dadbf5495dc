package dev.madang.answer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.madang.markdown.MarkdownRenderer;
import dev.madang.thread.AnswerTexts;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Answers' plain text for their threads' search documents, read in one query. */
@Component
class VisibleAnswerTexts implements AnswerTexts {

	private final AnswerService answers;

	VisibleAnswerTexts(AnswerService answers) {
		this.answers = answers;
	}

	@Override
	public Mono<Map<String, List<AnswerText>>> visible(Collection<String> answerIds) {
		if (answerIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.answers.findAll(answerIds)
			.filter((answer) -> !answer.isDeleted() && !answer.isHidden())
			.collectList()
			.map((found) -> found.stream().collect(Collectors.groupingBy(Answer::getThreadId, Collectors.mapping(
					(answer) -> new AnswerText(answer.getId(), MarkdownRenderer.plainText(answer.getBody(),
							answer.getBodyFormat())),
					Collectors.toList()))));
	}

}
