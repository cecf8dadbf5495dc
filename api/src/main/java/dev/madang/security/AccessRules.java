package dev.madang.security;

import dev.madang.identity.CurrentUser;
import dev.madang.identity.CurrentUsers;
import dev.madang.identity.Role;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The one place that states who may do what: roles (checked against the account as stored now, so a revoked role or
 * a suspension applies to running sessions), ownership, and privileges earned by reputation. Staff roles imply the
 * reputation privileges; admins hold every role's rights.
 */
@Component
public class AccessRules {

	private final CurrentUsers currentUsers;

	private final PrivilegeProperties thresholds;

	@org.springframework.beans.factory.annotation.Autowired
	AccessRules(CurrentUsers currentUsers, PrivilegeProperties thresholds) {
		this.currentUsers = currentUsers;
		this.thresholds = thresholds;
	}

	/** Any signed-in account; a suspended one reads but writes nothing except its appeal. */
	public ReactiveAuthorizationManager<AuthorizationContext> signedIn() {
		return (authentication, context) -> user(authentication)
			.flatMap((user) -> refuseSuspendedWrites(user, context).thenReturn(true))
			.<AuthorizationResult>map(AuthorizationDecision::new)
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	/** A signed-in account holding {@code role} (admins pass every role check); suspended ones only read. */
	public ReactiveAuthorizationManager<AuthorizationContext> role(Role role) {
		return (authentication, context) -> user(authentication)
			.flatMap((user) -> refuseSuspendedWrites(user, context).thenReturn(hasRole(user, role)))
			.<AuthorizationResult>map(AuthorizationDecision::new)
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	/** Moderators, staff and admins: the community's own people ({@link #isStaff}). */
	public ReactiveAuthorizationManager<AuthorizationContext> staffOrModerator() {
		return (authentication, context) -> user(authentication)
			.flatMap((user) -> refuseSuspendedWrites(user, context).thenReturn(isStaff(user)))
			.<AuthorizationResult>map(AuthorizationDecision::new)
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	/**
	 * A suspended member's writes answer 403 with the reason and the end of the suspension, instead of a bare
	 * "forbidden"; signing out and appealing stay open.
	 */
	private static Mono<Void> refuseSuspendedWrites(CurrentUser user, AuthorizationContext context) {
		var request = context.getExchange().getRequest();
		boolean reads = SAFE_METHODS.contains(request.getMethod());
		if (!user.isSuspended() || reads || STILL_OPEN_WHEN_SUSPENDED.contains(request.getPath().value())) {
			return Mono.empty();
		}
		return Mono.error(restricted(user));
	}

	private static final java.util.Set<org.springframework.http.HttpMethod> SAFE_METHODS = java.util.Set.of(
			org.springframework.http.HttpMethod.GET, org.springframework.http.HttpMethod.HEAD,
			org.springframework.http.HttpMethod.OPTIONS);

	private static final java.util.Set<String> STILL_OPEN_WHEN_SUSPENDED = java.util.Set.of("/logout",
			"/api/v1/appeals", "/appeal");

	/**
	 * New questions, answers and comments: refused while the member is suspended or silenced, with the reason and
	 * until when.
	 */
	public static Mono<Void> requireMayPost(CurrentUser user) {
		return (user.restriction() == null) ? Mono.empty() : Mono.error(restricted(user));
	}

	private static ProblemException restricted(CurrentUser user) {
		var restriction = user.restriction();
		String until = (restriction.until() == null) ? "for good" : "until " + restriction.until();
		String what = restriction.isSuspension() ? "suspended" : "silenced";
		String detail = "Your account is " + what + " " + until + ": " + restriction.reason()
				+ (restriction.isSuspension() ? " You may read and appeal once." : " You may read, vote and edit, but not post.");
		return new ProblemException(HttpStatus.FORBIDDEN, "account-" + what, "Account " + what, detail)
			.with("until", (restriction.until() != null) ? restriction.until().toString() : null)
			.with("reason", restriction.reason());
	}

	public static boolean hasRole(CurrentUser user, Role role) {
		return user.has(role) || user.has(Role.ADMIN);
	}

	/** Moderators, staff and admins: the community's own people, whose posts are never limited or held. */
	public static boolean isStaff(CurrentUser user) {
		return hasRole(user, Role.MODERATOR) || hasRole(user, Role.STAFF);
	}

	/** Whether the user may act on something owned by {@code ownerId}: its owner, or a moderator. */
	public static boolean mayModify(CurrentUser user, String ownerId) {
		return user.id().equals(ownerId) || hasRole(user, Role.MODERATOR);
	}

	/**
	 * Editing a post: its author, moderators, and members with the edit privilege (2,000 reputation by default);
	 * otherwise 403 saying how much reputation it takes.
	 */
	public Mono<Void> mayEdit(CurrentUser user, String ownerId) {
		if (mayModify(user, ownerId) || allows(user, Privilege.EDIT_OTHERS)) {
			return Mono.empty();
		}
		return Mono.error(tooLittleReputation(user, Privilege.EDIT_OTHERS, "Editing others' posts"));
	}

	/** The 403 for a privilege not earned yet: "{@code doing} needs N reputation; you have R." */
	public ProblemException tooLittleReputation(CurrentUser user, Privilege privilege, String doing) {
		return new ProblemException(HttpStatus.FORBIDDEN, "reputation-too-low", "Not enough reputation",
				doing + " needs " + threshold(privilege) + " reputation; you have " + user.reputation() + ".");
	}

	public boolean allows(CurrentUser user, Privilege privilege) {
		if (hasRole(user, Role.MODERATOR) || hasRole(user, Role.STAFF)) {
			return true;
		}
		return user.reputation() >= threshold(privilege);
	}

	public int threshold(Privilege privilege) {
		return switch (privilege) {
			case VOTE_UP -> this.thresholds.voteUp();
			case COMMENT -> this.thresholds.comment();
			case VOTE_DOWN -> this.thresholds.voteDown();
			case CREATE_TAG -> this.thresholds.createTag();
			case EDIT_OTHERS -> this.thresholds.editOthers();
		};
	}

	private Mono<CurrentUser> user(Mono<Authentication> authentication) {
		return authentication.flatMap(this.currentUsers::of);
	}

}
