package dev.madang.reputation;

import java.util.List;

import dev.madang.identity.AccountService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's reputation and its history (public). */
@RestController
class ReputationApi {

	private final AccountService accounts;

	private final ReputationLedger ledger;

	ReputationApi(AccountService accounts, ReputationLedger ledger) {
		this.accounts = accounts;
		this.ledger = ledger;
	}

	@GetMapping(path = "/api/v1/users/{id}/reputation", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ReputationHistory> history(@PathVariable String id,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.accounts.find(id)
			.zipWith(this.ledger.history(id, limit).collectList())
			.map((found) -> new ReputationHistory(id, found.getT1().getReputation(), found.getT2()));
	}


	record ReputationHistory(String userId, int reputation, List<ReputationEvent> events) {
	}

}
