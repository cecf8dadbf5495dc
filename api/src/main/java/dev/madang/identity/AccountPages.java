package dev.madang.identity;

import java.util.List;

import dev.madang.problem.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

/** Sign-in, sign-up and the profile page (password change, personal access tokens). */
@Controller
class AccountPages {

	private final AccountService accounts;

	private final AccessTokens tokens;

	private final CurrentUsers currentUsers;

	private final List<SignInProvider> providers;

	AccountPages(AccountService accounts, AccessTokens tokens, CurrentUsers currentUsers,
			ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.currentUsers = currentUsers;
		this.providers = SignInProvider.from(registrations.getIfAvailable());
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("providers", this.providers);
		return "account/login";
	}

	@GetMapping("/signup")
	String signUpForm(Model model) {
		model.addAttribute("form", new SignUp("", "", ""));
		return "account/signup";
	}

	@PostMapping("/signup")
	Mono<String> signUp(@Valid @ModelAttribute("form") SignUp form, BindingResult errors, ServerWebExchange exchange) {
		if (errors.hasErrors()) {
			return Mono.just("account/signup");
		}
		return this.accounts.signUp(form, exchange.getLocaleContext().getLocale().getLanguage())
			.thenReturn("redirect:/login?registered")
			.onErrorResume(ProblemException.class, (problem) -> {
				problem.fieldProblems().forEach((field) -> errors.rejectValue(field.field(), field.messageCode()));
				return Mono.just("account/signup");
			});
	}

	@GetMapping("/profile")
	Mono<String> profile(Model model) {
		return showProfile(model);
	}

	@PostMapping("/profile/tokens")
	Mono<String> createToken(@ModelAttribute TokenForm form, Model model) {
		String trimmed = (form.tokenName() == null) ? "" : form.tokenName().strip();
		if (trimmed.isEmpty() || trimmed.length() > 60) {
			model.addAttribute("tokenError", "token.name.required");
			return showProfile(model);
		}
		return this.currentUsers.current().flatMap((user) -> this.tokens.issue(user.id(), trimmed)).flatMap((issued) -> {
			model.addAttribute("newToken", issued.secret());
			return showProfile(model);
		});
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	Mono<String> revokeToken(@PathVariable String id) {
		return this.currentUsers.current()
			.flatMap((user) -> this.tokens.revoke(user.id(), id))
			.thenReturn("redirect:/profile?revoked");
	}

	@PostMapping("/profile/password")
	Mono<String> changePassword(@ModelAttribute PasswordForm form, Model model) {
		return this.currentUsers.current()
			.flatMap((user) -> this.accounts.changePassword(user.id(), form.currentPassword(), form.newPassword()))
			.thenReturn("redirect:/profile?passwordChanged")
			.onErrorResume(ProblemException.class, (problem) -> {
				model.addAttribute("passwordErrors",
						problem.fieldProblems().stream().map(ProblemException.FieldProblem::messageCode).toList());
				return showProfile(model);
			});
	}

	private Mono<String> showProfile(Model model) {
		return this.currentUsers.current()
			.flatMap((user) -> Mono.zip(this.accounts.find(user.id()), this.tokens.list(user.id()).collectList()))
			.map((found) -> {
				model.addAttribute("account", UserView.of(found.getT1()));
				List<TokenView> views = found.getT2().stream().map(TokenView::of).toList();
				model.addAttribute("tokens", views);
				return "account/profile";
			});
	}

	record PasswordForm(String currentPassword, String newPassword) {
	}

	record TokenForm(String tokenName) {
	}

	/** An OIDC provider offered on the sign-in page. */
	record SignInProvider(String id, String name) {

		static List<SignInProvider> from(ReactiveClientRegistrationRepository registrations) {
			List<SignInProvider> providers = new java.util.ArrayList<>();
			if (registrations instanceof Iterable<?> all) {
				for (Object registration : all) {
					ClientRegistration client = (ClientRegistration) registration;
					providers.add(new SignInProvider(client.getRegistrationId(), client.getClientName()));
				}
			}
			return List.copyOf(providers);
		}

	}

}
