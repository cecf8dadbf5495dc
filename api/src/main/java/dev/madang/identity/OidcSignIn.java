package dev.madang.identity;

import reactor.core.publisher.Mono;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Browser sign-in through an OIDC provider: the first sign-in creates or links the Madang account. */
@Component
class OidcSignIn implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();

	private final AccountService accounts;

	private final ProviderRoles providerRoles;

	OidcSignIn(AccountService accounts, ProviderRoles providerRoles) {
		this.accounts = accounts;
		this.providerRoles = providerRoles;
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		return this.provider.loadUser(request).flatMap((oidc) -> this.accounts
			.signInFromProvider(String.valueOf(oidc.getIssuer()), oidc.getSubject(), oidc.getEmail(),
					Boolean.TRUE.equals(oidc.getEmailVerified()), oidc.getFullName(),
					this.providerRoles.from(oidc.getClaims()))
			.map((account) -> new MadangOidcUser(account.getId(),
					account.getRoles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList(),
					oidc.getIdToken(), oidc.getUserInfo())));
	}

}
