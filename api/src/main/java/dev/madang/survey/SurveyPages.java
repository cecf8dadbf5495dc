package dev.madang.survey;

import dev.madang.identity.CurrentUsers;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey box on a question page, loaded with htmx for signed-in members: CES for the asker of a solved question,
 * then NPS if due; each answer swaps in the next question or a thank-you.
 */
@Controller
class SurveyPages {

	private final Surveys surveys;

	private final CurrentUsers currentUsers;

	SurveyPages(Surveys surveys, CurrentUsers currentUsers) {
		this.surveys = surveys;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/surveys/prompt")
	Mono<String> prompt(@RequestParam String thread, Model model) {
		return this.currentUsers.current().flatMap((member) -> this.surveys.due(member, thread))
			.filter("ces"::equals)
			.map((kind) -> box(model, kind, thread))
			.defaultIfEmpty("survey/parts :: empty");
	}

	record Answer(String thread, Integer score) {
	}

	@PostMapping("/surveys/ces")
	Mono<String> effort(@ModelAttribute Answer answer, Model model) {
		return this.currentUsers.current()
			.flatMap((member) -> this.surveys.answerEffort(member, answer.thread(), answer.score())
				.then(this.surveys.npsDue(member)))
			.map((npsDue) -> npsDue ? box(model, "nps", answer.thread()) : thanks(model))
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(thanks(model)));
	}

	@PostMapping("/surveys/nps")
	Mono<String> loyalty(@ModelAttribute Answer answer, Model model) {
		return this.currentUsers.current()
			.flatMap((member) -> this.surveys.answerLoyalty(member, answer.score(), answer.thread()))
			.then(Mono.fromSupplier(() -> thanks(model)))
			.onErrorResume(ProblemException.class, (problem) -> Mono.just(thanks(model)));
	}

	private static String box(Model model, String kind, String thread) {
		model.addAttribute("kind", kind);
		model.addAttribute("threadId", thread);
		return "survey/parts :: box";
	}

	private static String thanks(Model model) {
		model.addAttribute("kind", "thanks");
		return "survey/parts :: box";
	}

}
