package dev.madang.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's account. Local accounts have a password hash; OIDC accounts are linked through {@code externalIds}
 * ({@code issuer|subject}); one account can be both. Email is stored lower-cased and is unique.
 */
@Document("users")
public class UserAccount {

	@Id
	private String id;

	private String displayName;

	@Indexed(unique = true)
	private String email;

	private boolean emailVerified;

	private String locale;

	private Set<Role> roles = EnumSet.of(Role.MEMBER);

	private int reputation = 1;

	private String passwordHash;

	@Indexed
	private List<String> externalIds = new ArrayList<>();

	private Instant createdAt;

	private Instant lastSeenAt;

	/** A suspension or silencing, kept after it ends (it is in force while {@link Restriction#activeAt}). */
	private Restriction restriction;

	UserAccount() {
	}

	static UserAccount create(String email, String displayName, String locale, Instant now) {
		UserAccount account = new UserAccount();
		account.email = normalizeEmail(email);
		account.displayName = displayName.strip();
		account.locale = locale;
		account.createdAt = now;
		account.lastSeenAt = now;
		return account;
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** The restriction in force at {@code now}, or null. */
	public Restriction restrictionAt(Instant now) {
		return (this.restriction != null && this.restriction.activeAt(now)) ? this.restriction : null;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public String getId() {
		return this.id;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public boolean isEmailVerified() {
		return this.emailVerified;
	}

	public String getLocale() {
		return this.locale;
	}

	public Set<Role> getRoles() {
		return (this.roles.isEmpty()) ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(this.roles);
	}

	public int getReputation() {
		return this.reputation;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public List<String> getExternalIds() {
		return List.copyOf(this.externalIds);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getLastSeenAt() {
		return this.lastSeenAt;
	}

	public Restriction getRestriction() {
		return this.restriction;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void setEmailVerified(boolean emailVerified) {
		this.emailVerified = emailVerified;
	}

	void setRoles(Set<Role> roles) {
		this.roles = EnumSet.copyOf(roles);
		this.roles.add(Role.MEMBER);
	}

	void linkExternalId(String externalId) {
		if (!this.externalIds.contains(externalId)) {
			this.externalIds.add(externalId);
		}
	}

}
