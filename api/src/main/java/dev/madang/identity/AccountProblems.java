package dev.madang.identity;

import java.util.List;

import dev.madang.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The account errors users can cause, each with its problem type. */
final class AccountProblems {

	private AccountProblems() {
	}

	static ProblemException weakPassword(String field, List<String> violations) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "weak-password", "Password not accepted",
				"The password does not meet the rules.",
				violations.stream().map((code) -> new ProblemException.FieldProblem(field, code)).toList());
	}

	static ProblemException emailUnavailable() {
		return new ProblemException(HttpStatus.CONFLICT, "email-unavailable", "Email cannot be used",
				"This email cannot be used to sign up. If it is yours, sign in instead.",
				List.of(new ProblemException.FieldProblem("email", "account.email.unavailable")));
	}

	static ProblemException wrongCurrentPassword() {
		return new ProblemException(HttpStatus.BAD_REQUEST, "wrong-password", "Current password is wrong",
				"The current password is not correct.",
				List.of(new ProblemException.FieldProblem("currentPassword", "password.currentWrong")));
	}

	static ProblemException userNotFound(String id) {
		return new ProblemException(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "No user with id " + id + ".");
	}

	static ProblemException unknownRole(String name) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "unknown-role", "Unknown role",
				"Unknown role '" + name + "'. Roles are member, moderator, staff and admin.");
	}

	static ProblemException lastAdmin() {
		return new ProblemException(HttpStatus.CONFLICT, "last-admin", "Last administrator",
				"The last administrator cannot lose the admin role.");
	}

	static ProblemException adminNotRestricted() {
		return new ProblemException(HttpStatus.CONFLICT, "admin-not-restricted", "Admins cannot be suspended",
				"An admin cannot be suspended or silenced; take the admin role away first.");
	}

}
