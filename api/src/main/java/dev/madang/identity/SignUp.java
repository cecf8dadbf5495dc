package dev.madang.identity;

import dev.madang.validation.VisibleText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person gives to open a local account. The password rules are checked by {@link PasswordPolicy}. */
public record SignUp(
		@NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}")
		@Size(max = 254, message = "{account.email.invalid}") String email,
		@VisibleText(message = "{account.displayName.required}")
		@Size(min = 2, max = 40, message = "{account.displayName.size}") String displayName,
		@NotBlank(message = "{password.tooShort}") String password) {
}
