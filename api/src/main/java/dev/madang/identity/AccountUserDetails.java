package dev.madang.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A local account as Spring Security's password check sees it. Suspended members may sign in: they read, see why they
 * are suspended and may appeal, while {@code AccessRules} refuses their other writes.
 */
record AccountUserDetails(String userId, String email, String passwordHash, List<String> authorityNames)
		implements UserDetails, MadangPrincipal {

	static AccountUserDetails of(UserAccount account) {
		return new AccountUserDetails(account.getId(), account.getEmail(), account.getPasswordHash(),
				account.getRoles().stream().map(Role::authority).toList());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorityNames.stream().map(SimpleGrantedAuthority::new).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

}
