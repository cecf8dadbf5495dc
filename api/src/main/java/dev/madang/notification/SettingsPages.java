package dev.madang.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.madang.identity.CurrentUsers;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/**
 * The member's notification settings page, the page an email's unsubscribe link opens (and the one-click POST of
 * RFC 8058 that mail clients send to it), and the admins' mail outbox.
 */
@Controller
class SettingsPages {

	private final NotificationSettings settings;

	private final Watches watches;

	private final UnsubscribeLinks links;

	private final EmailQueue emails;

	private final CurrentUsers currentUsers;

	SettingsPages(NotificationSettings settings, Watches watches, UnsubscribeLinks links, EmailQueue emails,
			CurrentUsers currentUsers) {
		this.settings = settings;
		this.watches = watches;
		this.links = links;
		this.emails = emails;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/notifications/settings")
	Mono<String> page(@RequestParam(required = false) String saved, Model model) {
		return this.currentUsers.current().flatMap((user) -> Mono.zip(this.settings.of(user.id()),
				this.watches.topicsOf(user.id()).collectList()))
			.map((found) -> {
				model.addAttribute("deliveries", found.getT1().effective());
				model.addAttribute("choices", java.util.Arrays.stream(Delivery.values()).map(Delivery::value).toList());
				model.addAttribute("topics", found.getT2());
				model.addAttribute("saved", saved != null);
				return "notification/settings";
			});
	}

	@PostMapping("/notifications/settings")
	Mono<String> save(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> this.currentUsers.current()
			.flatMap((user) -> this.settings.choose(user.id(), chosen(form))))
			.thenReturn("redirect:/notifications/settings?saved");
	}

	private static Map<String, String> chosen(MultiValueMap<String, String> form) {
		Map<String, String> chosen = new LinkedHashMap<>();
		NotificationKind.DEFAULTS.keySet().forEach((kind) -> {
			String value = form.getFirst("kind." + kind);
			if (value != null) {
				chosen.put(kind, value);
			}
		});
		return chosen;
	}

	@PostMapping("/notifications/settings/topics")
	Mono<String> topic(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> this.currentUsers.current().flatMap((user) -> {
			String topic = Topics.parse(form.getFirst("topic"));
			String level = form.getFirst("level");
			return "forget".equals(level) ? this.watches.forgetTopic(user.id(), topic)
					: this.watches.chooseTopic(user.id(), topic, (level != null) ? level : Watch.WATCHING).then();
		})).thenReturn("redirect:/notifications/settings");
	}

	@GetMapping("/unsubscribe")
	Mono<String> unsubscribePage(@RequestParam(required = false) String u, @RequestParam(required = false) String k,
			@RequestParam(required = false) String s, Model model, ServerWebExchange exchange) {
		return this.links.valid(u, k, s).map((valid) -> {
			if (!valid) {
				exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
			}
			model.addAttribute("valid", valid);
			model.addAttribute("done", false);
			model.addAttribute("u", u);
			model.addAttribute("k", k);
			model.addAttribute("s", s);
			return "notification/unsubscribe";
		});
	}

	/** The page's button and mail clients' one-click POST ({@code List-Unsubscribe=One-Click} in the body). */
	@PostMapping("/unsubscribe")
	Mono<String> unsubscribe(ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			// The page's form sends the link's fields in the body; a mail client posts to the link itself.
			java.util.function.Function<String, String> field = (name) -> (form.getFirst(name) != null)
					? form.getFirst(name) : exchange.getRequest().getQueryParams().getFirst(name);
			String u = field.apply("u");
			String k = field.apply("k");
			String s = field.apply("s");
			return this.links.valid(u, k, s).flatMap((valid) -> {
				model.addAttribute("valid", valid);
				model.addAttribute("done", valid);
				if (!valid) {
					exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
					return Mono.just("notification/unsubscribe");
				}
				return this.settings.stopEmails(u, k).thenReturn("notification/unsubscribe");
			});
		});
	}

	@GetMapping("/admin/mail")
	Mono<String> outbox(Model model) {
		return this.emails.latest(100).collectList().map((latest) -> {
			model.addAttribute("emails", latest);
			return "notification/outbox";
		});
	}

}
