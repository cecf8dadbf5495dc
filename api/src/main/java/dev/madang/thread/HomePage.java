package dev.madang.thread;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the search box and the newest questions. */
@Controller
class HomePage {

	private final ThreadService threads;

	HomePage(ThreadService threads) {
		this.threads = threads;
	}

	@GetMapping("/")
	Mono<String> home(Model model) {
		return this.threads.newest(20).collectList().map((newest) -> {
			model.addAttribute("threads", newest);
			return "home";
		});
	}

}
