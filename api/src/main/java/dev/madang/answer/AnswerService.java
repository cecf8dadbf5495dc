package dev.madang.answer;

import java.time.Clock;
import java.util.Comparator;

import dev.madang.markdown.MarkdownRenderer;
import dev.madang.thread.ForumThread;
import dev.madang.thread.ThreadService;
import dev.madang.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Posting and reading answers. */
@Service
public class AnswerService {

	private final AnswerRepository answers;

	private final ThreadService threads;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final MarkdownRenderer markdown;

	AnswerService(AnswerRepository answers, ThreadService threads, ReactiveMongoTemplate mongo, Clock clock,
			MarkdownRenderer markdown) {
		this.markdown = markdown;
		this.answers = answers;
		this.threads = threads;
		this.mongo = mongo;
		this.clock = clock;
	}

	public Mono<Answer> post(String authorId, String threadId, NewAnswer request) {
		return this.threads.findOpenForAnswers(threadId).flatMap((thread) -> {
			Answer answer = Answer.post(threadId, authorId, request.body(), this.markdown.toSafeHtml(request.body()),
					this.clock.instant());
			return this.answers.insert(answer)
				.flatMap((stored) -> this.threads.recordAnswer(threadId, stored.getId(), stored.getCreatedAt())
					.thenReturn(stored));
		});
	}

	public Mono<Answer> find(String answerId) {
		return this.answers.findById(answerId)
			.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "answer-not-found",
					"Answer not found", "No answer with id " + answerId + ".")));
	}

	/** The thread's answers as readers see them: the solution first, then by score, then oldest first. */
	public Flux<Answer> forThread(ForumThread thread) {
		Comparator<Answer> order = Comparator
			.comparing((Answer answer) -> !answer.getId().equals(thread.getAcceptedAnswerId()))
			.thenComparing(Answer::getScore, Comparator.reverseOrder())
			.thenComparing(Answer::getCreatedAt);
		// By id when the thread lists its answers: the embedded storage has no secondary indexes, so a query on
		// threadId reads every answer there is.
		Flux<Answer> found = thread.getAnswerIds().isEmpty() ? this.answers.findByThreadId(thread.getId())
				: this.answers.findAllById(thread.getAnswerIds());
		return found.sort(order);
	}

	/** The answer's body as safe HTML: stored at writing, or rendered now for older answers. */
	public String bodyHtml(Answer answer) {
		return (answer.getBodyHtml() != null) ? answer.getBodyHtml()
				: this.markdown.render(answer.getBody(), answer.getBodyFormat());
	}

	/** Adds a vote's effect to the answer's score. */
	public Mono<Void> adjustScore(String answerId, int delta) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(answerId)), new Update().inc("score", delta),
				Answer.class).then();
	}

}
