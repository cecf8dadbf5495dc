package dev.madang.post;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Looks at a new question, answer or comment before it is stored: refuses it with a problem (a new member's limits),
 * holds it for review (the spam rules find it suspicious: the post is stored with the returned {@link Hold}), or
 * lets it through (an empty optional). Moderation provides it; the modules that store posts call it.
 */
public interface PostScreening {

	/**
	 * @param authorId who writes it
	 * @param staff whether the author is a moderator, staff or admin (never limited or held)
	 * @param postType {@code question}, {@code answer} or {@code comment}
	 * @param text the post's title and body as typed
	 * @param composeTime how long the author's form was open before sending, or null when unknown (API clients)
	 */
	Mono<java.util.Optional<Hold>> screen(String authorId, boolean staff, String postType, String text, Duration composeTime);

}
