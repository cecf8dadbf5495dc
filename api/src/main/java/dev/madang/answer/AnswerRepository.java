package dev.madang.answer;

import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface AnswerRepository extends ReactiveMongoRepository<Answer, String> {

	Flux<Answer> findByThreadId(String threadId);

	Flux<Answer> findByAuthorIdAndDeletionIsNull(String authorId, org.springframework.data.domain.Pageable page);

}
