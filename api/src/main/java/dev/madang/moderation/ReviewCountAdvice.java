package dev.madang.moderation;

import dev.madang.identity.CurrentUsers;
import dev.madang.identity.Role;
import dev.madang.security.AccessRules;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the number of open review items in every page's header, for moderators only. */
@ControllerAdvice(annotations = Controller.class)
class ReviewCountAdvice {

	private final CurrentUsers currentUsers;

	private final ReviewQueue queue;

	ReviewCountAdvice(CurrentUsers currentUsers, ReviewQueue queue) {
		this.currentUsers = currentUsers;
		this.queue = queue;
	}

	@ModelAttribute("reviewCount")
	Mono<Long> reviewCount() {
		return this.currentUsers.current()
			.filter((user) -> AccessRules.hasRole(user, Role.MODERATOR))
			.flatMap((user) -> this.queue.countOpen());
	}

}
