package dev.madang.thread;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the search box and the newest questions. */
@Controller
class HomePage {

	private final ThreadLists lists;

	HomePage(ThreadLists lists) {
		this.lists = lists;
	}

	@GetMapping("/")
	Mono<String> home(Model model) {
		return this.lists.list(ThreadOrder.NEWEST, ThreadFilter.ALL, null, 20).map((newest) -> {
			model.addAttribute("threads", newest.items());
			return "home";
		});
	}

}
