package dev.madang.thread;

import reactor.core.publisher.Flux;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface ThreadRepository extends ReactiveMongoRepository<ForumThread, String> {

	Flux<ForumThread> findAllByOrderByCreatedAtDesc(Pageable page);

}
