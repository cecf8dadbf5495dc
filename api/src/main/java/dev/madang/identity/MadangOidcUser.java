package dev.madang.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in through an OIDC provider, linked to their Madang account. */
final class MadangOidcUser extends DefaultOidcUser implements MadangPrincipal {

	private final String userId;

	MadangOidcUser(String userId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
			OidcUserInfo userInfo) {
		super(authorities, idToken, userInfo);
		this.userId = userId;
	}

	@Override
	public String userId() {
		return this.userId;
	}

}
