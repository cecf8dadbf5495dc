package dev.madang.site;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs/openapi.json}, browsable at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI madangApi() {
		return new OpenAPI()
			.info(new Info().title("Madang API")
				.version("v1")
				.description("Customer community forum: questions, answers, votes, reputation, search, and the "
						+ "knowledge base of official articles promoted from solved threads. Errors are "
						+ "application/problem+json. Authenticate with 'Authorization: Bearer TOKEN': a personal "
						+ "access token (POST /api/v1/tokens) or a JWT from the configured issuer.")
				.license(new License().name("Content from Stack Exchange: CC BY-SA")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
