package dev.madang.identity;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface AccessTokenRepository extends ReactiveMongoRepository<AccessToken, String> {

	Mono<AccessToken> findBySecretHash(String secretHash);

	Flux<AccessToken> findByUserIdOrderByCreatedAtDesc(String userId);

}
