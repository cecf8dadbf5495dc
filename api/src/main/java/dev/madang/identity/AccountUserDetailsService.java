package dev.madang.identity;


import reactor.core.publisher.Mono;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Finds local accounts by email for form login and HTTP Basic; accounts without a password cannot use either. */
@Component
class AccountUserDetailsService implements ReactiveUserDetailsService {

	private final UserAccountRepository users;

	AccountUserDetailsService(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	public Mono<UserDetails> findByUsername(String email) {
		return this.users.findByEmail(UserAccount.normalizeEmail(email))
			.filter((account) -> account.getPasswordHash() != null)
			.map((account) -> AccountUserDetails.of(account));
	}

}
