package dev.madang.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.BrowserSession;
import dev.madang.support.TestInfrastructure;
import dev.madang.support.TestUsers;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFlowsTest extends ApiIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	@Test
	void signUpThenTradePasswordForATokenThenUseAndRevokeIt() {
		String email = "jiwoo-" + System.nanoTime() + "@example.com";
		this.http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "displayName", "지우", "password", "a long enough passphrase"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.email").isEqualTo(email)
			.jsonPath("$.roles").isEqualTo(List.of("member"))
			.jsonPath("$.passwordHash").doesNotExist();

		Map<?, ?> created = this.http.post().uri("/api/v1/tokens")
			.headers((headers) -> headers.setBasicAuth(email, "a long enough passphrase"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "ci script"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
		String token = created.get("token").toString();
		assertThat(token).startsWith("mdg_").hasSizeGreaterThan(40);

		this.http.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.displayName").isEqualTo("지우");
		this.http.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].name").isEqualTo("ci script").jsonPath("$[0].token").doesNotExist()
			.jsonPath("$[0].lastUsedAt").isNotEmpty();

		this.http.delete().uri("/api/v1/tokens/{id}", created.get("id")).header("Authorization", "Bearer " + token)
			.exchange().expectStatus().isNoContent();
		this.http.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		TestUsers.TestUser member = user();
		List<org.bson.Document> stored = this.mongo
			.find(Query.query(Criteria.where("userId").is(member.id())), org.bson.Document.class, "access_tokens")
			.collectList().block(Duration.ofSeconds(10));
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).toJson()).doesNotContain(member.token()).doesNotContain(member.token().substring(4, 20));
	}

	@Test
	void badSignUpsAreExplainedAndStoreNothing() {
		long before = this.mongo.count(new Query(), "users").block(Duration.ofSeconds(10));
		this.http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "not an email", "displayName", "X", "password", "a long enough passphrase"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'email')].message").isEqualTo("Please enter a valid email address.")
			.jsonPath("$.errors[?(@.field == 'displayName')]").exists();
		this.http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "ko")
			.bodyValue(Map.of("email", "weak@example.com", "displayName", "약한", "password", "1234567890"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.type").isEqualTo("/problems/weak-password")
			.jsonPath("$.errors[0].message").isEqualTo("너무 흔하거나 단순한 비밀번호입니다. 다른 비밀번호를 골라 주세요.");
		assertThat(this.mongo.count(new Query(), "users").block(Duration.ofSeconds(10))).isEqualTo(before);

		TestUsers.TestUser existing = user();
		this.http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", existing.email().toUpperCase(), "displayName", "Copy",
					"password", "a long enough passphrase"))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/email-unavailable");
	}

	@Test
	void wrongPasswordForATokenIsUnauthorized() {
		TestUsers.TestUser member = user();
		this.http.post().uri("/api/v1/tokens")
			.headers((headers) -> headers.setBasicAuth(member.email(), "not the password"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "guess"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void formSignInGivesASessionWhoseWritesNeedTheCsrfToken() {
		TestUsers.TestUser member = user();
		BrowserSession browser = new BrowserSession(this.http);
		assertThat(browser.signIn(member.email(), TestUsers.PASSWORD)).isEqualTo("/");

		browser.get("/api/v1/me").exchange().expectStatus().isOk().expectBody().jsonPath("$.email")
			.isEqualTo(member.email());
		browser.post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "forged"))
			.exchange().expectStatus().isForbidden();
		String csrf = browser.csrfToken("/profile");
		browser.post("/api/v1/tokens").header("X-CSRF-TOKEN", csrf).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "from the page")).exchange().expectStatus().isCreated();
	}

	@Test
	void signInPageShowsTheFailureNoticeOnlyAfterAFailure() {
		BrowserSession browser = new BrowserSession(this.http);
		assertThat(browser.page("/login")).doesNotContain("id=\"login-error\"").doesNotContain("Your account is ready");
		assertThat(browser.page("/login?error")).contains("id=\"login-error\"");
		assertThat(browser.page("/login?registered")).contains("Your account is ready");
	}

	@Test
	void failedSignInLooksTheSameForUnknownEmailAndWrongPassword() {
		TestUsers.TestUser member = user();
		assertThat(new BrowserSession(this.http).signIn(member.email(), "wrong password")).isEqualTo("/login?error");
		assertThat(new BrowserSession(this.http).signIn("nobody-" + System.nanoTime() + "@example.com", "whatever"))
			.isEqualTo("/login?error");
	}

	@Test
	void passwordChangeTakesEffectForSignIn() {
		TestUsers.TestUser member = user();
		as(member).put().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
		as(member).put().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a brand new passphrase"))
			.exchange().expectStatus().isNoContent();
		assertThat(new BrowserSession(this.http).signIn(member.email(), TestUsers.PASSWORD)).isEqualTo("/login?error");
		assertThat(new BrowserSession(this.http).signIn(member.email(), "a brand new passphrase")).isEqualTo("/");
	}

	/** bcrypt alone reads 72 bytes and Spring Security refused longer passwords with a 500. */
	@Test
	void longKoreanPassphrasesAndLongPasswordsWork() {
		String email = "passphrase-" + System.nanoTime() + "@example.com";
		String korean = "우리 마당에서 함께 이야기하고 서로 돕는 고객들의 공동체를 만들어요 정말로";
		assertThat(korean.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
		this.http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", email, "displayName", "긴 암호", "password", korean))
			.exchange().expectStatus().isCreated();
		assertThat(new BrowserSession(this.http).signIn(email, korean)).isEqualTo("/");
		// Differing only after the 72nd byte is a different password.
		assertThat(new BrowserSession(this.http).signIn(email, korean + "!")).isEqualTo("/login?error");

		String ascii = "x".repeat(60) + " long passphrase " + "y".repeat(51);
		assertThat(ascii).hasSize(PasswordPolicy.MAX_LENGTH);
		String token = this.http.post().uri("/api/v1/tokens").headers((headers) -> headers.setBasicAuth(email, korean, java.nio.charset.StandardCharsets.UTF_8))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "long")).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
		this.http.put().uri("/api/v1/me/password").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", korean, "newPassword", ascii))
			.exchange().expectStatus().isNoContent();
		assertThat(new BrowserSession(this.http).signIn(email, ascii)).isEqualTo("/");
		this.http.put().uri("/api/v1/me/password").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", ascii, "newPassword", ascii + "z"))
			.exchange().expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
	}

	@Test
	void jwtFromTheTrustedIssuerActsAsTheLinkedAccountWithMappedRoles() {
		String email = "oidc-" + System.nanoTime() + "@example.com";
		String jwt = TestInfrastructure.oidcProvider()
			.issueToken(OIDC_ISSUER_ID, "subject-" + email, "madang",
					Map.of("email", email, "email_verified", true, "name", "Kim Oidc", "groups", List.of("madang-moderators")))
			.serialize();
		this.http.get().uri("/api/v1/me").header("Authorization", "Bearer " + jwt).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.email").isEqualTo(email)
			.jsonPath("$.roles").isEqualTo(List.of("member", "moderator"));
		this.http.get().uri("/api/v1/me").header("Authorization", "Bearer " + jwt).exchange().expectStatus().isOk();
		assertThat(this.mongo.count(Query.query(Criteria.where("email").is(email)), "users").block()).isEqualTo(1);
	}

	@Test
	void expiredForgedOrForeignJwtsAreRejected() {
		String expired = TestInfrastructure.oidcProvider()
			.issueToken(OIDC_ISSUER_ID, "expired", "madang", Map.of("email", "e@example.com"), -120).serialize();
		String foreign = TestInfrastructure.oidcProvider()
			.issueToken("another-issuer", "foreign", "madang", Map.of("email", "f@example.com")).serialize();
		String valid = TestInfrastructure.oidcProvider()
			.issueToken(OIDC_ISSUER_ID, "forged", "madang", Map.of("email", "g@example.com")).serialize();
		String[] parts = valid.split("\\.");
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"sub\":\"admin\",\"iss\":\"x\"}".getBytes()) + "." + parts[2];
		for (String token : List.of(expired, foreign, forged, "not-a-token", "mdg_unknownsecret")) {
			this.http.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.status").isEqualTo(401);
		}
	}

	@Test
	void oidcBrowserSignInCreatesTheAccountOnFirstVisit() throws Exception {
		String email = "browser-" + System.nanoTime() + "@example.com";
		TestInfrastructure.oidcProvider().enqueueCallback(new DefaultOAuth2TokenCallback(OIDC_ISSUER_ID,
				"browser-subject-" + email, "JWT", List.of("madang"),
				Map.of("email", email, "email_verified", true, "name", "Browser Park")));
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		URI next = URI.create("http://localhost:" + this.port + "/oauth2/authorization/idp");
		for (int hop = 0; hop < 6; hop++) {
			HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 3) {
				break;
			}
			next = next.resolve(response.headers().firstValue(HttpHeaders.LOCATION).orElseThrow());
			if (next.getPath().equals("/")) {
				break;
			}
		}
		assertThat(next.getPath()).isEqualTo("/");
		HttpResponse<String> me = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains(email, "Browser Park");
	}

	@Test
	void adminsChangeRolesAndEveryChangeIsAudited() {
		TestUsers.TestUser admin = user(Role.ADMIN);
		TestUsers.TestUser member = user();
		as(admin).put().uri("/api/v1/users/{id}/roles", member.id()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("staff"))).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("member", "staff"));
		as(member).get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.roles")
			.isEqualTo(List.of("member", "staff"));
		as(admin).put().uri("/api/v1/users/{id}/roles", member.id()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("wizard"))).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.type").isEqualTo("/problems/unknown-role");

		org.bson.Document audit = this.mongo.findOne(Query.query(Criteria.where("subjectId").is(member.id())
			.and("action").is("roles.changed")), org.bson.Document.class, "audit_log").block(Duration.ofSeconds(10));
		assertThat(audit).isNotNull();
		assertThat(audit.getString("actorId")).isEqualTo(admin.id());
		assertThat(audit.get("details", org.bson.Document.class).getList("after", String.class))
			.containsExactly("member", "staff");
	}

	@Test
	void adminPageFormGrantsAndRevokesRoles() {
		TestUsers.TestUser admin = user(Role.ADMIN);
		TestUsers.TestUser member = user(Role.STAFF);
		BrowserSession browser = new BrowserSession(this.http);
		browser.signIn(admin.email(), TestUsers.PASSWORD);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("roles", "moderator");
		form.add("roles", "admin");
		browser.submit("/admin/users", "/admin/users/" + member.id() + "/roles", form).expectStatus().is3xxRedirection();
		as(member).get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.roles")
			.isEqualTo(List.of("admin", "member", "moderator"));

		browser.submit("/admin/users", "/admin/users/" + member.id() + "/roles", new LinkedMultiValueMap<>())
			.expectStatus().is3xxRedirection();
		as(member).get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.roles").isEqualTo(List.of("member"));
	}

	@Test
	void signUpPageShowsLocalizedErrorsAndKeepsWhatWasTyped() {
		BrowserSession browser = new BrowserSession(this.http.mutate().defaultHeader("Accept-Language", "ko").build());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("email", "typo-at-example.com");
		form.add("displayName", "민수");
		form.add("password", "short");
		String page = browser.submit("/signup", "/signup", form).expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("올바른 이메일 주소를 입력해 주세요.", "value=\"민수\"", "aria-invalid=\"true\"");
	}

}
