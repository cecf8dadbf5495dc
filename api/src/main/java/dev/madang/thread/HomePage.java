package dev.madang.thread;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/** The home page: the search box and the newest questions, those in the reader's language first. */
@Controller
class HomePage {

	private final ThreadLists lists;

	HomePage(ThreadLists lists) {
		this.lists = lists;
	}

	@GetMapping("/")
	Mono<String> home(Model model, ServerWebExchange exchange) {
		String language = exchange.getLocaleContext().getLocale().getLanguage();
		return this.lists.newestInLanguageFirst(language, 20).map((newest) -> {
			model.addAttribute("threads", newest);
			return "home";
		});
	}

}
