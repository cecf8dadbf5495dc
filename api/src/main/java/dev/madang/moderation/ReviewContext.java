package dev.madang.moderation;

import java.time.Instant;
import java.util.List;

import dev.madang.identity.AccountService;
import dev.madang.identity.Restriction;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** What a moderator needs beside an item to decide it: the post's flags and its author's standing and history. */
@Component
class ReviewContext {

	private final Flags flags;

	private final AccountService accounts;

	private final ReactiveMongoTemplate mongo;

	ReviewContext(Flags flags, AccountService accounts, ReactiveMongoTemplate mongo) {
		this.flags = flags;
		this.accounts = accounts;
		this.mongo = mongo;
	}

	record FlagLine(String flaggerId, String reason, String text, String duplicateOf, double weight, Instant at) {
	}

	record AuthorHistory(String id, String displayName, int reputation, Instant memberSince, Restriction restriction,
			long flagsAgainstAgreed, long flagsAgainstOpen) {
	}

	record ItemDetail(ReviewApi.ItemView item, List<FlagLine> flags, AuthorHistory author) {
	}

	Mono<ItemDetail> of(ReviewItem item) {
		Mono<List<FlagLine>> flagLines = (item.postType() == null) ? Mono.just(List.of())
				: this.flags.openFlags(item.subject())
					.map((flag) -> new FlagLine(flag.flaggerId(), flag.reason(), flag.text(), flag.duplicateOf(),
							flag.weight(), flag.at()))
					.collectList();
		return Mono.zip(flagLines, author(item.authorId()))
			.map((found) -> new ItemDetail(ReviewApi.ItemView.of(item), found.getT1(), found.getT2()));
	}

	Mono<AuthorHistory> author(String authorId) {
		Criteria against = Criteria.where("postAuthorId").is(authorId);
		return Mono.zip(this.accounts.find(authorId),
				this.mongo.count(Query.query(Criteria.where("postAuthorId").is(authorId).and("status").is(Flag.AGREED)),
						Flag.class),
				this.mongo.count(Query.query(against.and("status").is(Flag.OPEN)), Flag.class))
			.map((found) -> new AuthorHistory(authorId, found.getT1().getDisplayName(), found.getT1().getReputation(),
					found.getT1().getCreatedAt(), found.getT1().getRestriction(), found.getT2(), found.getT3()))
			// An account removed since: the item still shows, without a history.
			.onErrorResume(dev.madang.problem.ProblemException.class,
					(gone) -> Mono.just(new AuthorHistory(authorId, authorId, 0, null, null, 0, 0)));
	}

}
