package dev.madang.identity;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the account behind whatever authenticated the request, read fresh so role changes and suspensions
 * take effect at once, also for sessions that started before them. Suspended members stay signed in (to read why and
 * to appeal); {@code AccessRules} refuses their writes.
 */
@Component
public class CurrentUsers {

	private final UserAccountRepository users;

	private final Clock clock;

	CurrentUsers(UserAccountRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	/** The acting user, or empty for anonymous requests. */
	public Mono<CurrentUser> current() {
		return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication).flatMap(this::of);
	}

	/** The acting user, or an empty optional for anonymous requests (for flows that go on either way). */
	public Mono<java.util.Optional<CurrentUser>> currentIfAny() {
		return current().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
	}

	public Mono<CurrentUser> of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof MadangPrincipal principal)) {
			return Mono.empty();
		}
		return this.users.findById(principal.userId())
			.map((account) -> CurrentUser.of(account, this.clock.instant()));
	}

}
