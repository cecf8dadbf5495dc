package dev.madang.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** REST resources for accounts, the signed-in user, personal access tokens, and (admins) users' roles. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class IdentityApi {

	private final AccountService accounts;

	private final AccessTokens tokens;

	private final CurrentUsers currentUsers;

	IdentityApi(AccountService accounts, AccessTokens tokens, CurrentUsers currentUsers) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.currentUsers = currentUsers;
	}

	@PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<UserView>> signUp(@Valid @RequestBody SignUp request, ServerWebExchange exchange) {
		String locale = exchange.getLocaleContext().getLocale() != null
				? exchange.getLocaleContext().getLocale().getLanguage() : null;
		return this.accounts.signUp(request, locale)
			.map((account) -> ResponseEntity.created(URI.create("/api/v1/users/" + account.getId()))
				.body(UserView.of(account)));
	}

	@GetMapping("/me")
	Mono<UserView> me() {
		return this.currentUsers.current().flatMap((user) -> this.accounts.find(user.id())).map(UserView::of);
	}

	@PutMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> changePassword(@Valid @RequestBody PasswordChange request) {
		return this.currentUsers.current()
			.flatMap((user) -> this.accounts.changePassword(user.id(), request.currentPassword(), request.newPassword()));
	}

	@PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<TokenView>> createToken(@Valid @RequestBody NewToken request) {
		return this.currentUsers.current()
			.flatMap((user) -> this.tokens.issue(user.id(), request.name()))
			.map((issued) -> ResponseEntity.status(HttpStatus.CREATED).body(TokenView.issued(issued)));
	}

	@GetMapping("/tokens")
	Flux<TokenView> listTokens() {
		return this.currentUsers.current().flatMapMany((user) -> this.tokens.list(user.id())).map(TokenView::of);
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revokeToken(@PathVariable String id) {
		return this.currentUsers.current().flatMap((user) -> this.tokens.revoke(user.id(), id));
	}

	@GetMapping("/users")
	Flux<UserView> listUsers(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.accounts.list(page, size).map(UserView::of);
	}

	@PutMapping(path = "/users/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<UserView> setRoles(@PathVariable String id, @Valid @RequestBody RoleChange request) {
		Set<Role> roles;
		try {
			roles = request.roles().stream().map(Role::parse).collect(Collectors.toSet());
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(AccountProblems.unknownRole(String.join(", ", request.roles())));
		}
		return this.currentUsers.current()
			.flatMap((admin) -> this.accounts.setRoles(admin.id(), id, roles))
			.map(UserView::of);
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record NewToken(@NotBlank(message = "{token.name.required}") @Size(max = 60, message = "{token.name.size}") String name) {
	}

	record RoleChange(@NotNull @Size(max = 4) List<@NotBlank String> roles) {
	}

}
