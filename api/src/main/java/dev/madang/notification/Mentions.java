package dev.madang.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.madang.identity.AccountService;
import dev.madang.identity.Author;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * Finds the members a post names with {@code @handle} (a display name without its spaces). Code is not read, an
 * address such as {@code a@b.com} is no mention, a handle nobody has is plain text, and at most {@value #MOST}
 * members are told per post, so a post cannot page the whole community.
 */
@Component
class Mentions {

	static final int MOST = 10;

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@([\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]{0,38})");

	private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\\n]*`", Pattern.DOTALL);

	private final AccountService accounts;

	Mentions(AccountService accounts) {
		this.accounts = accounts;
	}

	/** The handles written in the text, in order, each once. */
	static Set<String> handles(String markdown) {
		Set<String> found = new LinkedHashSet<>();
		if (markdown == null) {
			return found;
		}
		Matcher mention = MENTION.matcher(CODE.matcher(markdown).replaceAll(" "));
		while (mention.find() && found.size() < MOST) {
			String handle = mention.group(1).replaceAll("[.\\-]+$", "");
			if (!handle.isEmpty()) {
				found.add(handle.toLowerCase(java.util.Locale.ROOT));
			}
		}
		return found;
	}

	/** The ids of the members the text mentions. */
	Flux<String> members(String markdown) {
		return Flux.fromIterable(handles(markdown))
			.concatMap(this.accounts::byHandle)
			.map(Author::id)
			.distinct()
			.take(MOST);
	}

}
