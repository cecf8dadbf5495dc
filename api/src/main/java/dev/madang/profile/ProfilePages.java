package dev.madang.profile;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** A member's public profile: the page at {@code /u/{id}} and the same data at {@code /api/v1/users/{id}/profile}. */
@Controller
class ProfilePages {

	private final Profiles profiles;

	ProfilePages(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/u/{id}")
	Mono<String> page(@PathVariable String id, Model model) {
		return this.profiles.of(id).map((profile) -> {
			model.addAttribute("profile", profile);
			return "profile/profile";
		});
	}

	@GetMapping(path = "/api/v1/users/{id}/profile", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Mono<Profile> api(@PathVariable String id) {
		return this.profiles.of(id);
	}

}
