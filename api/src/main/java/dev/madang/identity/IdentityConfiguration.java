package dev.madang.identity;

import java.util.List;
import java.util.Map;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/** Password hashing and bearer-token authentication. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	/**
	 * Spring Security's delegating encoder, hashing new passwords with {@link Sha256Bcrypt} (any length the policy
	 * allows); every other hash, the {@code {bcrypt}} ones made before among them, is checked by the standard encoder.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder standard = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(Sha256Bcrypt.ID,
				Map.of(Sha256Bcrypt.ID, new Sha256Bcrypt()));
		delegating.setDefaultPasswordEncoderForMatches(standard);
		return delegating;
	}

	@Bean
	BearerTokenAuthenticator bearerTokenAuthenticator(AccessTokens tokens, AccountService accounts,
			ProviderRoles providerRoles, OidcProperties oidc) {
		NimbusReactiveJwtDecoder decoder = null;
		if (StringUtils.hasText(oidc.issuerUri())) {
			// Discovery happens on first use, so the app starts even while the provider is down.
			decoder = NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
			OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(oidc.issuerUri());
			if (StringUtils.hasText(oidc.audience())) {
				validator = new DelegatingOAuth2TokenValidator<>(validator, audience(oidc.audience()));
			}
			decoder.setJwtValidator(validator);
		}
		return new BearerTokenAuthenticator(tokens, accounts, decoder, providerRoles);
	}

	private static OAuth2TokenValidator<Jwt> audience(String audience) {
		return (jwt) -> {
			List<String> audiences = jwt.getAudience();
			return (audiences != null && audiences.contains(audience)) ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Wrong audience", null));
		};
	}

}
