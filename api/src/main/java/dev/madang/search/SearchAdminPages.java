package dev.madang.search;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The administrators' search page: the index's figures and the rebuild button. */
@Controller
class SearchAdminPages {

	private final SearchAdministration administration;

	SearchAdminPages(SearchAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/admin/search")
	Mono<String> page(Model model) {
		return this.administration.view().map((view) -> {
			model.addAttribute("index", view);
			return "admin/search";
		});
	}

	@PostMapping("/admin/search/rebuild")
	Mono<String> rebuild() {
		return this.administration.startRebuild()
			.thenReturn("redirect:/admin/search?started")
			.onErrorResume(RebuildRunningException.class, (running) -> Mono.just("redirect:/admin/search?running"));
	}

}
