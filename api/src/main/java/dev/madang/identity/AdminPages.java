package dev.madang.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The administrators' page for users and their roles (the path rule restricts it to admins). */
@Controller
class AdminPages {

	private final AccountService accounts;

	private final CurrentUsers currentUsers;

	AdminPages(AccountService accounts, CurrentUsers currentUsers) {
		this.accounts = accounts;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/admin/users")
	Mono<String> users(Model model) {
		return this.accounts.list(0, 200).map(UserView::of).collectList().map((users) -> {
			model.addAttribute("users", users);
			model.addAttribute("allRoles", List.of(Role.values()).stream().map(Role::id).toList());
			return "admin/users";
		});
	}

	@PostMapping("/admin/users/{id}/roles")
	Mono<String> setRoles(@PathVariable String id, @ModelAttribute RoleForm form) {
		Set<Role> wanted = EnumSet.of(Role.MEMBER);
		if (form.roles() != null) {
			for (String role : form.roles()) {
				wanted.add(Role.parse(role));
			}
		}
		return this.currentUsers.current()
			.flatMap((admin) -> this.accounts.setRoles(admin.id(), id, wanted))
			.thenReturn("redirect:/admin/users?saved");
	}

	/** The checked role boxes of one user's row (form fields arrive in the body, not the query). */
	record RoleForm(List<String> roles) {
	}

}
