package dev.madang.thread;

import java.time.Clock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** Starting and reading question threads. */
@Service
public class ThreadService {

	private final ThreadRepository threads;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ThreadService(ThreadRepository threads, ApplicationEventPublisher events, Clock clock) {
		this.threads = threads;
		this.events = events;
		this.clock = clock;
	}

	public Mono<ForumThread> start(String authorId, NewThread request) {
		ForumThread thread = ForumThread.start(authorId, request.title().strip(), request.body(), request.normalizedTags(),
				this.clock.instant());
		return this.threads.insert(thread)
			.doOnNext((stored) -> this.events.publishEvent(new ThreadChanged(stored.getId())));
	}

	public Mono<ForumThread> find(String id) {
		return this.threads.findById(id).switchIfEmpty(Mono.error(() -> new ThreadNotFoundException(id)));
	}

	public Flux<ForumThread> newest(int count) {
		return this.threads.findAllByOrderByCreatedAtDesc(PageRequest.of(0, count));
	}

}
