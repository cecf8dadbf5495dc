package dev.madang.identity;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface UserAccountRepository extends ReactiveMongoRepository<UserAccount, String> {

	Mono<UserAccount> findByEmail(String email);

	Mono<UserAccount> findByExternalIds(String externalId);

	Flux<UserAccount> findAllByOrderByCreatedAtAsc(Pageable page);

}
