package dev.madang.thread;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface ThreadRepository extends ReactiveMongoRepository<ForumThread, String> {

}
