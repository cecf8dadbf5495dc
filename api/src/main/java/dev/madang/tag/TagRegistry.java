package dev.madang.tag;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.madang.identity.CurrentUser;
import dev.madang.security.AccessRules;
import dev.madang.security.Privilege;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The tags in use. Members use existing tags freely; a tag nobody used before is created on first use only by members
 * with the create-tag privilege (staff roles hold it), so the tag list stays a vocabulary instead of a spelling
 * contest.
 */
@Service
public class TagRegistry {

	private final ReactiveMongoTemplate mongo;

	private final AccessRules rules;

	private final Clock clock;

	TagRegistry(ReactiveMongoTemplate mongo, AccessRules rules, Clock clock) {
		this.mongo = mongo;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * Lets {@code user} use these tags: existing ones always; new ones are created when the user may create tags,
	 * otherwise 403 naming them.
	 */
	public Mono<Void> use(CurrentUser user, Collection<String> tags) {
		return unknown(tags).flatMap((unknown) -> {
			if (unknown.isEmpty()) {
				return Mono.empty();
			}
			if (!this.rules.allows(user, Privilege.CREATE_TAG)) {
				ProblemException problem = this.rules.tooLittleReputation(user, Privilege.CREATE_TAG,
						"Creating the new tags " + String.join(", ", unknown));
				ProblemException refusal = new ProblemException(HttpStatus.FORBIDDEN, "new-tag-needs-reputation",
						"New tag needs reputation", problem.getBody().getDetail());
				refusal.getBody().setProperty("newTags", List.copyOf(unknown));
				refusal.getBody().setProperty("requiredReputation", this.rules.threshold(Privilege.CREATE_TAG));
				return Mono.error(refusal);
			}
			return register(unknown, user.id());
		});
	}

	/** Records the tags as existing (imports, and the backfill of tags already on questions). */
	public Mono<Void> register(Collection<String> tags, String createdBy) {
		return Flux.fromIterable(Set.copyOf(tags))
			.concatMap((name) -> this.mongo.insert(new Tag(name, createdBy, this.clock.instant()))
				.onErrorResume(DuplicateKeyException.class, (exists) -> Mono.empty()))
			.then();
	}

	/**
	 * Registers the tags found on questions (after an import, and once for communities from before tags were
	 * registered; the questions' owner finds them); returns how many there are.
	 */
	public Mono<Integer> registerInUse(Flux<String> inUse, String createdBy) {
		return inUse.filter((name) -> name != null && !name.isBlank())
			.collectList()
			.flatMap((names) -> register(names, createdBy).thenReturn(names.size()));
	}

	/** Up to {@code limit} tag names starting with {@code prefix}, alphabetically. */
	public Flux<String> suggest(String prefix, int limit) {
		Query query = new Query().with(Sort.by("_id")).limit(limit);
		if (prefix != null && !prefix.isBlank()) {
			query.addCriteria(Criteria.where("_id").regex("^" + Pattern.quote(prefix.strip().toLowerCase(java.util.Locale.ROOT))));
		}
		return this.mongo.find(query, Tag.class).map(Tag::name);
	}

	public Mono<Long> count() {
		return this.mongo.count(new Query(), Tag.class);
	}

	private Mono<Set<String>> unknown(Collection<String> tags) {
		if (tags.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(tags)), Tag.class)
			.map(Tag::name)
			.collectList()
			.map((known) -> {
				Set<String> unknown = new TreeSet<>(tags);
				unknown.removeAll(known);
				return unknown;
			});
	}

}
