package dev.madang.identity;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request authenticated by a bearer token (a personal access token or a JWT from the configured issuer). */
final class TokenAuthentication extends AbstractAuthenticationToken {

	private final Principal principal;

	TokenAuthentication(String userId, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = new Principal(userId);
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.principal.userId();
	}

	record Principal(String userId) implements MadangPrincipal {
	}

}
