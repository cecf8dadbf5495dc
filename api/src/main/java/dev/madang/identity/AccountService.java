package dev.madang.identity;

import dev.madang.audit.AuditLog;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Opening accounts, passwords, roles (audited) and linking sign-ins from an OIDC provider. */
@Service
public class AccountService {

	private final UserAccountRepository users;

	private final ReactiveMongoTemplate mongo;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Outbox outbox;

	private final AuditLog auditLog;

	AccountService(UserAccountRepository users, ReactiveMongoTemplate mongo, PasswordEncoder passwords, Clock clock,
			Outbox outbox, AuditLog auditLog) {
		this.outbox = outbox;
		this.auditLog = auditLog;
		this.users = users;
		this.mongo = mongo;
		this.passwords = passwords;
		this.clock = clock;
	}

	public Mono<UserAccount> signUp(SignUp request, String locale) {
		List<String> violations = PasswordPolicy.violations(request.password(), request.email());
		if (!violations.isEmpty()) {
			return Mono.error(AccountProblems.weakPassword("password", violations));
		}
		return hash(request.password()).flatMap((hash) -> {
			UserAccount account = UserAccount.create(request.email(), request.displayName(), locale, this.clock.instant());
			account.setPasswordHash(hash);
			return insertNew(account, "password");
		}).onErrorMap(DuplicateKeyException.class, (duplicate) -> AccountProblems.emailUnavailable());
	}

	public Mono<Void> changePassword(String userId, String currentPassword, String newPassword) {
		return find(userId).flatMap((account) -> matches(currentPassword, account.getPasswordHash())
			.flatMap((correct) -> {
				if (!correct) {
					return Mono.error(AccountProblems.wrongCurrentPassword());
				}
				List<String> violations = PasswordPolicy.violations(newPassword, account.getEmail());
				if (!violations.isEmpty()) {
					return Mono.error(AccountProblems.weakPassword("newPassword", violations));
				}
				return hash(newPassword).flatMap((hash) -> {
					account.setPasswordHash(hash);
					return this.users.save(account);
				}).then(audit(userId, "password.changed", userId, Map.of()));
			}));
	}

	public Mono<UserAccount> find(String userId) {
		return this.users.findById(userId).switchIfEmpty(Mono.error(() -> AccountProblems.userNotFound(userId)));
	}

	/** The authors with these ids, by id, in one read (unknown ids are absent). */
	public Mono<Map<String, Author>> authors(java.util.Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.users.findAllById(Set.copyOf(userIds)).map(Author::of).collectMap(Author::id);
	}

	/**
	 * How an @mention names a member: the display name without spaces ("Kim Minsu" is {@code @KimMinsu}), compared
	 * ignoring case.
	 */
	public static String handleOf(String displayName) {
		return displayName.replaceAll("\\s+", "");
	}

	/** The members an @mention with this handle names (display names may repeat). */
	public Flux<Author> byHandle(String handle) {
		if (!HANDLE.matcher(handle).matches()) {
			return Flux.empty();
		}
		return findByName(spaced(handle) + "$", 5)
			.filter((author) -> handleOf(author.displayName()).equalsIgnoreCase(handle));
	}

	/** Members whose handle starts with {@code prefix}, for the editor's @ autocomplete. */
	public Flux<Author> suggest(String prefix, int limit) {
		return HANDLE.matcher(prefix).matches() ? findByName(spaced(prefix), limit) : Flux.empty();
	}

	/** What a handle (or the start of one) may hold: letters, digits, {@code _ . -}. */
	private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,40}");

	private Flux<Author> findByName(String pattern, int limit) {
		Query query = Query.query(Criteria.where("displayName").regex("^" + pattern, "i")).limit(limit);
		return this.mongo.find(query, UserAccount.class).map(Author::of);
	}

	/** A handle as a pattern matching the display names it comes from: any spaces between its letters. */
	private static String spaced(String handle) {
		return handle.codePoints()
			.mapToObj((c) -> java.util.regex.Pattern.quote(new String(Character.toChars(c))))
			.collect(java.util.stream.Collectors.joining("\\s*"));
	}

	/** The ids of the accounts that have this role. */
	public Flux<String> withRole(Role role) {
		return this.mongo.find(Query.query(Criteria.where("roles").is(role)), UserAccount.class).map(UserAccount::getId);
	}

	public Mono<UserAccount> findByEmail(String email) {
		return this.users.findByEmail(UserAccount.normalizeEmail(email));
	}

	public Flux<UserAccount> list(int page, int size) {
		return this.users.findAllByOrderByCreatedAtAsc(PageRequest.of(page, size));
	}

	/** Sets a user's roles (member is always kept) and writes who changed what to the audit log. */
	public Mono<UserAccount> setRoles(String actorId, String userId, Set<Role> roles) {
		Set<Role> wanted = roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
		wanted.add(Role.MEMBER);
		return find(userId).flatMap((account) -> guardLastAdmin(account, wanted).then(Mono.defer(() -> {
			Set<Role> before = account.getRoles();
			DomainEvent changed = DomainEvent.of(EventType.ROLES_CHANGED, userId, null, actorId, this.clock.instant(),
					"roles", names(wanted), "before", names(before));
			return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(userId)),
					Outbox.with(new Update().set("roles", wanted), changed),
					FindAndModifyOptions.options().returnNew(true), UserAccount.class)
				.flatMap((saved) -> this.outbox.relay(UserAccount.class, userId, changed)
					.then(audit(actorId, "roles.changed", userId,
							Map.of("before", names(before), "after", names(saved.getRoles()))))
					.thenReturn(saved));
		})));
	}

	/**
	 * The account for an OIDC sign-in: the one already linked to this issuer and subject, else the one with the same
	 * verified email (then linked), else a new one. Roles mapped from the provider's groups are added, never removed.
	 */
	public Mono<UserAccount> signInFromProvider(String issuer, String subject, String email, boolean emailVerified,
			String name, Set<Role> providerRoles) {
		String externalId = issuer + "|" + subject;
		Mono<UserAccount> byEmail = (email != null && emailVerified)
				? this.users.findByEmail(UserAccount.normalizeEmail(email)) : Mono.empty();
		return this.users.findByExternalIds(externalId)
			.switchIfEmpty(byEmail)
			.switchIfEmpty(Mono.defer(() -> {
				String address = (email != null) ? email : subject + "@" + java.net.URI.create(issuer).getHost();
				String displayName = (name != null && !name.isBlank()) ? name : address.split("@")[0];
				UserAccount created = UserAccount.create(address, displayName, null, this.clock.instant());
				created.setEmailVerified(emailVerified);
				return Mono.just(created);
			}))
			.flatMap((account) -> {
				account.linkExternalId(externalId);
				if (!providerRoles.isEmpty()) {
					Set<Role> roles = account.getRoles();
					roles.addAll(providerRoles);
					account.setRoles(roles);
				}
				return (account.getId() == null) ? insertNew(account, "oidc") : this.users.save(account);
			});
	}

	/** Creates the account if the email is new; used to bootstrap the first admin and demo users. */
	public Mono<UserAccount> ensureAccount(String email, String displayName, String password, Set<Role> roles) {
		return findByEmail(email).switchIfEmpty(Mono.defer(() -> hash(password).flatMap((hash) -> {
			UserAccount account = UserAccount.create(email, displayName, null, this.clock.instant());
			account.setPasswordHash(hash);
			account.setEmailVerified(true);
			account.setRoles(roles);
			return insertNew(account, "bootstrap")
				.flatMap((saved) -> audit("system", "account.bootstrapped", saved.getId(),
						Map.of("roles", names(saved.getRoles()))).thenReturn(saved));
		})));
	}

	/** Inserts a new account with its {@code account.created} event ({@code data.via}: how it signed up). */
	private Mono<UserAccount> insertNew(UserAccount account, String via) {
		return this.outbox.insertAndRelay(account, (id) -> List.of(DomainEvent.of(EventType.ACCOUNT_CREATED, id, null, id,
				account.getCreatedAt(), "via", via, "roles", names(account.getRoles()), "locale", account.getLocale())));
	}

	/**
	 * Suspends or silences the member (replacing any restriction in force), recorded with its event, which carries
	 * the restriction before for the audit log. Admins cannot be restricted.
	 */
	public Mono<UserAccount> restrict(String userId, Restriction restriction) {
		return find(userId).flatMap((account) -> {
			if (account.has(Role.ADMIN)) {
				return Mono.error(AccountProblems.adminNotRestricted());
			}
			Restriction before = account.restrictionAt(restriction.at());
			DomainEvent restricted = DomainEvent.of(EventType.MEMBER_RESTRICTED, userId, null, restriction.by(),
					restriction.at(), "kind", restriction.kind(), "until",
					(restriction.until() != null) ? restriction.until().toString() : null, "reason", restriction.reason(),
					"before", (before != null) ? before.kind() : null);
			return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(userId)),
					Outbox.with(new Update().set("restriction", restriction), restricted),
					FindAndModifyOptions.options().returnNew(true), UserAccount.class)
				.flatMap((saved) -> this.outbox.relay(UserAccount.class, userId, restricted).thenReturn(saved));
		});
	}

	/** Ends the member's suspension or silencing now; returns whether one was in force. */
	public Mono<Boolean> lift(String userId, String actorId, String reason) {
		return find(userId).flatMap((account) -> {
			Instant now = this.clock.instant();
			Restriction before = account.restrictionAt(now);
			if (before == null) {
				return Mono.just(false);
			}
			DomainEvent lifted = DomainEvent.of(EventType.MEMBER_RESTRICTION_LIFTED, userId, null, actorId, now,
					"before", before.kind(), "reason", reason);
			Restriction ended = new Restriction(before.kind(), before.reason(), now, before.by(), before.at());
			return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("restriction.at").is(before.at())),
					Outbox.with(new Update().set("restriction", ended), lifted), UserAccount.class)
				.flatMap((result) -> (result.getModifiedCount() == 0) ? Mono.just(false)
						: this.outbox.relay(UserAccount.class, userId, lifted).thenReturn(true));
		});
	}

	/** Adds {@code delta} to the user's reputation total (the ledger decides when). */
	public Mono<Void> adjustReputation(String userId, int delta) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
				new Update().inc("reputation", delta), UserAccount.class)
			.then();
	}

	/** A member's stored reputation total. */
	public record Standing(String userId, int reputation) {
	}

	/** Every member's stored reputation ({@code whenMissing} for an account without one), for the reconciler. */
	public Flux<Standing> standings(int whenMissing) {
		Query all = new Query();
		all.fields().include("_id").include("reputation");
		return this.mongo.find(all, org.bson.Document.class, this.mongo.getCollectionName(UserAccount.class))
			.map((user) -> new Standing(user.getObjectId("_id").toHexString(), user.getInteger("reputation", whenMissing)));
	}

	/** Sets the reputation total outright; only the reconciler does this, after recomputing it from the sources. */
	public Mono<Void> setReputation(String userId, int reputation) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
				new Update().set("reputation", reputation), UserAccount.class)
			.then();
	}

	/**
	 * The account of a person whose posts are imported from another site: found or created by its placeholder email
	 * (never used for sign-in: it has no password). Returns the account id.
	 */
	public Mono<String> ensureImportedAccount(String email, String displayName, Instant createdAt) {
		Update create = new Update().setOnInsert("displayName", displayName)
			.setOnInsert("emailVerified", false)
			.setOnInsert("roles", java.util.List.of(Role.MEMBER))
			.setOnInsert("reputation", 1)
			.setOnInsert("externalIds", java.util.List.of())
			.setOnInsert("createdAt", createdAt)
			.setOnInsert("lastSeenAt", createdAt);
		Query byEmail = Query.query(Criteria.where("email").is(UserAccount.normalizeEmail(email)));
		return this.mongo.findAndModify(byEmail, create,
				FindAndModifyOptions.options().upsert(true).returnNew(true),
				UserAccount.class)
			.map(UserAccount::getId)
			.retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
	}

	Mono<Boolean> matches(String raw, String hash) {
		if (raw == null || hash == null) {
			return Mono.just(false);
		}
		return Mono.fromCallable(() -> this.passwords.matches(raw, hash)).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<String> hash(String raw) {
		// Deliberately slow (bcrypt): never on an event-loop thread.
		return Mono.fromCallable(() -> this.passwords.encode(raw)).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<Void> guardLastAdmin(UserAccount account, Set<Role> wanted) {
		if (!account.has(Role.ADMIN) || wanted.contains(Role.ADMIN)) {
			return Mono.empty();
		}
		return this.users.findAll().filter((user) -> user.has(Role.ADMIN)).count()
			.flatMap((admins) -> (admins <= 1) ? Mono.error(AccountProblems.lastAdmin()) : Mono.empty());
	}

	private Mono<Void> audit(String actorId, String action, String subjectId, Map<String, Object> details) {
		return this.auditLog.record(this.clock.instant(), actorId, action, subjectId, details);
	}

	private static List<String> names(Set<Role> roles) {
		return roles.stream().map(Role::id).sorted().toList();
	}

}
