package dev.madang.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reputation needed for privileges beyond the member role (Stack Overflow's thresholds by default, except creating
 * tags: 300 instead of 1500, for communities smaller than Stack Overflow).
 */
@ConfigurationProperties("madang.privileges")
public record PrivilegeProperties(@DefaultValue("15") int voteUp, @DefaultValue("50") int comment,
		@DefaultValue("125") int voteDown, @DefaultValue("300") int createTag,
		@DefaultValue("2000") int editOthers) {
}
