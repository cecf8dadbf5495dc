package dev.madang.identity;


import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates {@code Authorization: Bearer} requests: personal access tokens ({@code mdg_...}) against storage,
 * anything else as a JWT from the configured issuer (when one is configured). Both end as the same Madang account.
 */
public final class BearerTokenAuthenticator {

	private final AccessTokens tokens;

	private final AccountService accounts;

	private final ReactiveJwtDecoder jwtDecoder;

	private final ProviderRoles providerRoles;

	BearerTokenAuthenticator(AccessTokens tokens, AccountService accounts, ReactiveJwtDecoder jwtDecoder,
			ProviderRoles providerRoles) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.jwtDecoder = jwtDecoder;
		this.providerRoles = providerRoles;
	}

	/** Not a {@code ReactiveAuthenticationManager} bean on purpose: form login would pick it up instead of passwords. */
	public ReactiveAuthenticationManager asManager() {
		return (authentication) -> authenticate((BearerTokenAuthenticationToken) authentication);
	}

	Mono<Authentication> authenticate(BearerTokenAuthenticationToken bearer) {
		String token = bearer.getToken();
		Mono<UserAccount> account = token.startsWith(AccessTokens.PREFIX) ? byAccessToken(token) : byJwt(token);
		// Suspended members authenticate too: AccessRules refuses their writes with the reason.
		return account.map((user) -> new TokenAuthentication(user.getId(),
				user.getRoles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList()));
	}

	private Mono<UserAccount> byAccessToken(String token) {
		return this.tokens.authenticate(token)
			.switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("The access token is unknown or revoked.")))
			.flatMap(this.accounts::find);
	}

	private Mono<UserAccount> byJwt(String token) {
		if (this.jwtDecoder == null) {
			return Mono.error(new InvalidBearerTokenException("The bearer token is not valid."));
		}
		return this.jwtDecoder.decode(token)
			.onErrorMap(JwtException.class, (invalid) -> new InvalidBearerTokenException("The bearer token is not valid.", invalid))
			.flatMap(this::accountFor);
	}

	private Mono<UserAccount> accountFor(Jwt jwt) {
		Boolean verified = jwt.getClaimAsBoolean("email_verified");
		return this.accounts.signInFromProvider(String.valueOf(jwt.getIssuer()), jwt.getSubject(),
				jwt.getClaimAsString("email"), Boolean.TRUE.equals(verified), jwt.getClaimAsString("name"),
				this.providerRoles.from(jwt.getClaims()));
	}

}
