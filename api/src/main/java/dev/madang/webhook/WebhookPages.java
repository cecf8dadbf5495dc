package dev.madang.webhook;

import java.util.Arrays;
import java.util.List;

import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/** The admins' webhook page: create, switch off and on, delete, read a webhook's deliveries, redeliver an event. */
@Controller
class WebhookPages {

	private final Webhooks webhooks;

	private final WebhookApi api;

	private final CurrentUsers currentUsers;

	WebhookPages(Webhooks webhooks, WebhookApi api, CurrentUsers currentUsers) {
		this.webhooks = webhooks;
		this.api = api;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/admin/webhooks")
	Mono<String> page(@RequestParam(required = false) String show, @RequestParam(required = false) String error,
			@RequestParam(required = false) String secret, Model model) {
		Mono<List<WebhookDelivery>> deliveries = (show != null) ? this.webhooks.deliveries(show, 30).collectList()
				: Mono.just(List.of());
		return Mono.zip(this.webhooks.all().collectList(), deliveries).map((found) -> {
			model.addAttribute("hooks", found.getT1());
			model.addAttribute("shown", show);
			model.addAttribute("deliveries", found.getT2());
			model.addAttribute("error", error);
			model.addAttribute("secret", secret);
			return "admin/webhooks";
		});
	}

	@PostMapping("/admin/webhooks")
	Mono<String> create(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> {
			List<String> kinds = Arrays.stream(String.valueOf(form.getFirst("kinds")).split("[,\\s]+"))
				.filter((kind) -> !kind.isBlank() && !"null".equals(kind)).toList();
			return this.currentUsers.current().flatMap((admin) -> this.webhooks.create(form.getFirst("url"),
					form.getFirst("secret"), kinds.isEmpty() ? List.of("*") : kinds,
					"on".equals(form.getFirst("allowPrivate")), admin.id()))
				.map((hook) -> "redirect:/admin/webhooks?show=" + hook.id() + "&secret=" + hook.secret())
				.onErrorResume(ProblemException.class, (refused) -> Mono.just("redirect:/admin/webhooks?error="
						+ refused.getBody().getType().getPath().replaceFirst(".*/", "")));
		});
	}

	@PostMapping("/admin/webhooks/{id}/enabled")
	Mono<String> enabled(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> this.webhooks.update(id, null, null,
				"true".equals(form.getFirst("enabled")), null))
			.thenReturn("redirect:/admin/webhooks?show=" + id);
	}

	@PostMapping("/admin/webhooks/{id}/delete")
	Mono<String> delete(@PathVariable String id) {
		return this.webhooks.delete(id).thenReturn("redirect:/admin/webhooks");
	}

	@PostMapping("/admin/webhooks/{id}/redeliver")
	Mono<String> redeliver(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap((form) -> this.api.redeliver(id,
				new WebhookApi.Redelivery(form.getFirst("eventId"))))
			.thenReturn("redirect:/admin/webhooks?show=" + id);
	}

}
