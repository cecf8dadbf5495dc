package dev.madang.area;

import java.util.Locale;

import dev.madang.problem.ProblemException;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/** Staff manage the product areas here: add one, rename it, archive it or bring it back. */
@Controller
class AreaPages {

	private final ProductAreas areas;

	private final MessageSource messages;

	AreaPages(ProductAreas areas, MessageSource messages) {
		this.areas = areas;
		this.messages = messages;
	}

	@GetMapping("/admin/areas")
	String list(Model model) {
		return show(model, new AreaRequest("", "", "", false));
	}

	@PostMapping("/admin/areas")
	Mono<String> create(@Valid @ModelAttribute("form") AreaRequest form, BindingResult errors, Model model,
			ServerWebExchange exchange) {
		if (errors.hasErrors()) {
			return Mono.just(show(model, form));
		}
		return this.areas.create(form).thenReturn("redirect:/admin/areas")
			.onErrorResume(ProblemException.class, (taken) -> {
				errors.rejectValue("slug", "area.exists", this.messages.getMessage("problem.area-exists", null,
						taken.getBody().getDetail(), locale(exchange)));
				return Mono.just(show(model, form));
			});
	}

	@PostMapping("/admin/areas/{slug}")
	Mono<String> update(@PathVariable String slug, @ModelAttribute AreaChange change) {
		return this.areas.find(slug)
			.flatMap((area) -> this.areas.update(slug, new AreaRequest(slug,
					blankTo(change.name(), area.name()), (change.nameKo() != null) ? change.nameKo() : area.nameKo(),
					change.archived())))
			.thenReturn("redirect:/admin/areas");
	}

	private String show(Model model, AreaRequest form) {
		model.addAttribute("areas", this.areas.list(true));
		model.addAttribute("form", form);
		return "admin/areas";
	}

	private static String blankTo(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.ENGLISH;
	}

	/** A rename or (un)archive from the list; the name stays when left empty. */
	record AreaChange(String name, String nameKo, Boolean archived) {
	}

}
