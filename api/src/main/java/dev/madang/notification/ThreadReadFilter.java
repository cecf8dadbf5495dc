package dev.madang.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.madang.identity.CurrentUsers;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A signed-in member who opens a question page has read what their inbox says about it: its notifications turn read,
 * which also cancels their emails still waiting out the delay (Discourse does not mail what was seen in the app).
 */
@Component
class ThreadReadFilter implements WebFilter {

	private static final Pattern QUESTION_PAGE = Pattern.compile("^/t/([0-9a-f]{24})(/[^/]*)?$");

	private final Inbox inbox;

	private final CurrentUsers currentUsers;

	ThreadReadFilter(Inbox inbox, CurrentUsers currentUsers) {
		this.inbox = inbox;
		this.currentUsers = currentUsers;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getMethod() != HttpMethod.GET) {
			return chain.filter(exchange);
		}
		Matcher page = QUESTION_PAGE.matcher(exchange.getRequest().getPath().value());
		if (!page.matches()) {
			return chain.filter(exchange);
		}
		String threadId = page.group(1);
		return chain.filter(exchange).then(Mono.defer(() -> this.currentUsers.current()
			.flatMap((user) -> this.inbox.markThreadRead(user.id(), threadId))
			.onErrorResume((failure) -> Mono.empty())));
	}

}
