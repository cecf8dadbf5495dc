package dev.madang.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;


import org.springframework.stereotype.Component;

/** Maps the groups an OIDC provider lists for a person ({@code madang.oidc.roles-claim}) to Madang roles. */
@Component
class ProviderRoles {

	private final String claim;

	private final Map<String, String> groupRoles;

	ProviderRoles(OidcProperties oidc) {
		this.claim = oidc.rolesClaim();
		this.groupRoles = oidc.groupRoles();
	}

	Set<Role> from(Map<String, Object> claims) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (claims.get(this.claim) instanceof Collection<?> groups) {
			for (Object group : groups) {
				String role = this.groupRoles.get(String.valueOf(group));
				if (role != null) {
					roles.add(Role.parse(role));
				}
			}
		}
		return roles;
	}

}
