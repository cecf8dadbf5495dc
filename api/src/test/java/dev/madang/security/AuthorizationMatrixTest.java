package dev.madang.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static dev.madang.support.ThreadSamples.question;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint, called as anonymous, member, moderator, staff and admin, answers the status the access rules
 * promise. A new endpoint that is not added here fails {@link #everyEndpointIsInTheMatrix}. Signed-in callers use
 * their access token; anonymous page forms carry no CSRF token, so they meet 403 before any rule (CSRF itself is
 * tested with a real session in the account tests).
 */
class AuthorizationMatrixTest extends ApiIntegrationTest {

	private static final List<String> CALLERS = List.of("anonymous", "member", "moderator", "staff", "admin");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private String threadId;

	private String targetUserId;

	private String answerId;

	private String areaSlug;

	/** Owns the posts that the delete and undelete rows work on, one per call. */
	private TestUser owner;

	private final Map<String, Row> matrix = new LinkedHashMap<>();

	/** A published article the knowledge-base rows read and change. */
	private String articleId;

	private TestUser staff;

	@BeforeEach
	void matrix() {
		this.threadId = asMember().post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Matrix thread", "body")).exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		this.targetUserId = user().id();
		this.owner = user();
		this.areaSlug = uniqueSlug();
		as(user(Role.STAFF)).post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", this.areaSlug, "name", "Matrix area")).exchange().expectStatus().isCreated();
		this.answerId = asMember().post().uri("/api/v1/threads/{id}/answers", this.threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "An answer for the matrix."))
			.exchange().expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

		this.staff = user(Role.STAFF);
		this.articleId = freshDraft();
		dev.madang.support.QaSteps.publish(as(this.staff), this.articleId);

		row("GET /", (c, u) -> c.get().uri("/").exchange(), 200, 200, 200, 200, 200);
		row("GET /search", (c, u) -> c.get().uri("/search?q=matrix").exchange(), 200, 200, 200, 200, 200);
		row("GET /login", (c, u) -> c.get().uri("/login").exchange(), 200, 200, 200, 200, 200);
		row("GET /signup", (c, u) -> c.get().uri("/signup").exchange(), 200, 200, 200, 200, 200);
		row("POST /signup", (c, u) -> c.post().uri("/signup").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("email", "not-an-email").with("displayName", "x").with("password", "short"))
			.exchange(), 403, 200, 200, 200, 200);
		row("GET /profile", (c, u) -> c.get().uri("/profile").exchange(), 302, 200, 200, 200, 200);
		row("POST /profile/tokens", (c, u) -> c.post().uri("/profile/tokens")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("tokenName", "matrix")).exchange(), 403, 200, 200, 200, 200);
		row("POST /profile/tokens/{id}/revoke", (c, u) -> c.post().uri("/profile/tokens/nonexistent/revoke").exchange(),
				403, 404, 404, 404, 404);
		row("POST /profile/password", (c, u) -> c.post().uri("/profile/password")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("currentPassword", "wrong password").with("newPassword", "x"))
			.exchange(), 403, 200, 200, 200, 200);
		row("GET /admin/users", (c, u) -> c.get().uri("/admin/users").exchange(), 302, 403, 403, 403, 200);
		row("POST /admin/users/{id}/roles", (c, u) -> c.post().uri("/admin/users/{id}/roles", this.targetUserId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("roles", "moderator")).exchange(), 403, 403, 403, 403, 303);
		row("POST /api/v1/threads", (c, u) -> c.post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Matrix question", "body")).exchange(), 401, 201, 201, 201, 201);
		row("GET /api/v1/threads/{id}", (c, u) -> c.get().uri("/api/v1/threads/{id}", this.threadId).exchange(),
				200, 200, 200, 200, 200);
		row("GET /api/v1/search", (c, u) -> c.get().uri("/api/v1/search?q=matrix").exchange(), 200, 200, 200, 200, 200);
		row("POST /api/v1/accounts", (c, u) -> c.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "weak@test.madang.dev", "displayName", "Weak", "password", "password"))
			.exchange(), 400, 400, 400, 400, 400);
		row("GET /api/v1/me", (c, u) -> c.get().uri("/api/v1/me").exchange(), 401, 200, 200, 200, 200);
		row("PUT /api/v1/me/password", (c, u) -> c.put().uri("/api/v1/me/password")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("currentPassword", "wrong password", "newPassword", "another long passphrase"))
			.exchange(), 401, 400, 400, 400, 400);
		row("POST /api/v1/tokens", (c, u) -> c.post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "matrix")).exchange(), 401, 201, 201, 201, 201);
		row("GET /api/v1/tokens", (c, u) -> c.get().uri("/api/v1/tokens").exchange(), 401, 200, 200, 200, 200);
		row("DELETE /api/v1/tokens/{id}", (c, u) -> c.delete().uri("/api/v1/tokens/nonexistent").exchange(),
				401, 404, 404, 404, 404);
		row("GET /api/v1/users", (c, u) -> c.get().uri("/api/v1/users").exchange(), 401, 403, 403, 403, 200);
		row("PUT /api/v1/users/{id}/roles", (c, u) -> c.put().uri("/api/v1/users/{id}/roles", this.targetUserId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("member", "staff"))).exchange(), 401, 403, 403, 403, 200);
		row("POST /api/v1/threads/{threadId}/answers", (c, u) -> c.post()
			.uri("/api/v1/threads/{id}/answers", this.threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Another answer for the matrix.")).exchange(), 401, 201, 201, 201, 201);
		row("GET /api/v1/threads/{threadId}/answers", (c, u) -> c.get()
			.uri("/api/v1/threads/{id}/answers", this.threadId).exchange(), 200, 200, 200, 200, 200);
		// Only the asker (none of these callers) or a moderator (admins hold every role) may choose the solution.
		row("PUT /api/v1/threads/{threadId}/accepted-answer", (c, u) -> c.put()
			.uri("/api/v1/threads/{id}/accepted-answer", this.threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("answerId", this.answerId)).exchange(), 401, 403, 200, 403, 200);
		// New members lack the 15 reputation to vote up; staff roles hold every reputation privilege.
		row("PUT /api/v1/threads/{id}/vote", (c, u) -> c.put().uri("/api/v1/threads/{id}/vote", this.threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("value", 1)).exchange(), 401, 403, 200, 200, 200);
		row("PUT /api/v1/answers/{id}/vote", (c, u) -> c.put().uri("/api/v1/answers/{id}/vote", this.answerId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("value", 1)).exchange(), 401, 403, 200, 200, 200);
		row("GET /api/v1/users/{id}/reputation", (c, u) -> c.get()
			.uri("/api/v1/users/{id}/reputation", this.targetUserId).exchange(), 200, 200, 200, 200, 200);
		row("POST /api/v1/admin/reconcile", (c, u) -> c.post().uri("/api/v1/admin/reconcile").exchange(),
				401, 403, 403, 403, 200);
		// Search index administration; the API call starts a rebuild, the page's then finds it running (both fine).
		row("GET /api/v1/admin/search", (c, u) -> c.get().uri("/api/v1/admin/search").exchange(), 401, 403, 403, 403, 200);
		row("POST /api/v1/admin/search/rebuild", (c, u) -> c.post().uri("/api/v1/admin/search/rebuild").exchange(),
				401, 403, 403, 403, 202);
		row("GET /admin/search", (c, u) -> c.get().uri("/admin/search").exchange(), 302, 403, 403, 403, 200);
		row("POST /admin/search/rebuild", (c, u) -> c.post().uri("/admin/search/rebuild").exchange(),
				403, 403, 403, 403, 303);
		row("GET /t/{id}", (c, u) -> c.get().uri("/t/{id}", this.threadId).exchange(), 303, 303, 303, 303, 303);
		row("GET /t/{id}/{slug}", (c, u) -> c.get().uri("/t/{id}/matrix-thread", this.threadId).exchange(),
				200, 200, 200, 200, 200);
		// Page forms answer with a redirect whatever the outcome (a refused action comes back with ?problem=...);
		// the services' own checks are covered through the API rows above and QuestionPageTest.
		row("POST /t/{id}/answers", (c, u) -> c.post().uri("/t/{id}/answers", this.threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("body", "An answer from the page form.")).exchange(),
				403, 303, 303, 303, 303);
		row("POST /t/{id}/vote", (c, u) -> c.post().uri("/t/{id}/vote", this.threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("value", "1"))
			.exchange(), 403, 303, 303, 303, 303);
		row("POST /t/{id}/answers/{answerId}/vote", (c, u) -> c.post()
			.uri("/t/{id}/answers/{answerId}/vote", this.threadId, this.answerId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("value", "1"))
			.exchange(), 403, 303, 303, 303, 303);
		row("POST /t/{id}/answers/{answerId}/accept", (c, u) -> c.post()
			.uri("/t/{id}/answers/{answerId}/accept", this.threadId, this.answerId).exchange(),
				403, 303, 303, 303, 303);
		row("GET /ask", (c, u) -> c.get().uri("/ask").exchange(), 302, 200, 200, 200, 200);
		// A new member may not create the new tag (the form comes back with the reason); staff roles may.
		row("POST /ask", (c, u) -> c.post().uri("/ask").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("title", "Asked in the matrix").with("body", "Details")
				.with("tags", uniqueSlug())).exchange(), 403, 200, 303, 303, 303);
		// A new member may comment on others' posts only from 50 reputation; staff roles hold the privilege.
		row("POST /api/v1/threads/{threadId}/comments", (c, u) -> c.post()
			.uri("/api/v1/threads/{id}/comments", this.threadId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Could you share the error message?")).exchange(), 401, 403, 201, 201, 201);
		row("GET /api/v1/threads/{threadId}/comments", (c, u) -> c.get()
			.uri("/api/v1/threads/{id}/comments", this.threadId).exchange(), 200, 200, 200, 200, 200);
		row("POST /t/{id}/comments", (c, u) -> c.post().uri("/t/{id}/comments", this.threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("body", "A comment from the page form.")).exchange(),
				403, 303, 303, 303, 303);
		row("PUT /api/v1/threads/{id}/me-too", (c, u) -> c.put().uri("/api/v1/threads/{id}/me-too", this.threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("affected", true)).exchange(),
				401, 200, 200, 200, 200);
		row("POST /t/{id}/me-too", (c, u) -> c.post().uri("/t/{id}/me-too", this.threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("affected", "true"))
			.exchange(), 403, 303, 303, 303, 303);
		row("GET /api/v1/threads", (c, u) -> c.get().uri("/api/v1/threads?sort=top").exchange(), 200, 200, 200, 200, 200);
		row("GET /questions", (c, u) -> c.get().uri("/questions?sort=unanswered").exchange(), 200, 200, 200, 200, 200);
		// Editing others' posts takes the edit privilege (2000 reputation), which staff roles hold.
		row("PUT /api/v1/threads/{id}", (c, u) -> c.put().uri("/api/v1/threads/{id}", this.threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(question("Matrix thread", "An edited body"))
			.exchange(), 401, 403, 200, 200, 200);
		row("GET /api/v1/threads/{id}/revisions", (c, u) -> c.get().uri("/api/v1/threads/{id}/revisions", this.threadId)
			.exchange(), 200, 200, 200, 200, 200);
		row("PUT /api/v1/threads/{threadId}/answers/{answerId}", (c, u) -> c.put()
			.uri("/api/v1/threads/{t}/answers/{a}", this.threadId, this.answerId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "An edited answer for the matrix.")).exchange(), 401, 403, 200, 200, 200);
		row("GET /api/v1/threads/{threadId}/answers/{answerId}/revisions", (c, u) -> c.get()
			.uri("/api/v1/threads/{t}/answers/{a}/revisions", this.threadId, this.answerId).exchange(),
				200, 200, 200, 200, 200);
		// Deleting others' posts is for moderators (admins included); each call gets a post of its own.
		row("DELETE /api/v1/threads/{threadId}", (c, u) -> c.delete().uri("/api/v1/threads/{id}", freshThread())
			.exchange(), 401, 403, 204, 403, 204);
		row("POST /api/v1/threads/{threadId}/undelete", (c, u) -> c.post()
			.uri("/api/v1/threads/{id}/undelete", deletedThread()).exchange(), 401, 403, 200, 403, 200);
		row("DELETE /api/v1/threads/{threadId}/answers/{answerId}", (c, u) -> c.delete()
			.uri("/api/v1/threads/{t}/answers/{a}", this.threadId, freshAnswer()).exchange(), 401, 403, 204, 403, 204);
		row("POST /api/v1/threads/{threadId}/answers/{answerId}/undelete", (c, u) -> c.post()
			.uri("/api/v1/threads/{t}/answers/{a}/undelete", this.threadId, deletedAnswer()).exchange(),
				401, 403, 200, 403, 200);
		row("GET /t/{id}/edit", (c, u) -> c.get().uri("/t/{id}/edit", this.threadId).exchange(), 302, 303, 200, 200, 200);
		row("POST /t/{id}/edit", (c, u) -> c.post().uri("/t/{id}/edit", this.threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("title", "Matrix thread").with("body", "Edited from the page").with("tags", ""))
			.exchange(), 403, 200, 303, 303, 303);
		row("GET /t/{id}/answers/{answerId}/edit", (c, u) -> c.get()
			.uri("/t/{id}/answers/{a}/edit", this.threadId, this.answerId).exchange(), 302, 303, 200, 200, 200);
		row("POST /t/{id}/answers/{answerId}/edit", (c, u) -> c.post()
			.uri("/t/{id}/answers/{a}/edit", this.threadId, this.answerId).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("body", "Edited from the page form.")).exchange(), 403, 200, 303, 303, 303);
		row("GET /t/{id}/revisions", (c, u) -> c.get().uri("/t/{id}/revisions", this.threadId).exchange(),
				200, 200, 200, 200, 200);
		row("GET /t/{id}/answers/{answerId}/revisions", (c, u) -> c.get()
			.uri("/t/{id}/answers/{a}/revisions", this.threadId, this.answerId).exchange(), 200, 200, 200, 200, 200);
		row("POST /t/{id}/delete", (c, u) -> c.post().uri("/t/{id}/delete", freshThread()).exchange(),
				403, 303, 303, 303, 303);
		row("POST /t/{id}/undelete", (c, u) -> c.post().uri("/t/{id}/undelete", deletedThread()).exchange(),
				403, 303, 303, 303, 303);
		row("POST /t/{id}/answers/{answerId}/delete", (c, u) -> c.post()
			.uri("/t/{id}/answers/{a}/delete", this.threadId, freshAnswer()).exchange(), 403, 303, 303, 303, 303);
		row("POST /t/{id}/answers/{answerId}/undelete", (c, u) -> c.post()
			.uri("/t/{id}/answers/{a}/undelete", this.threadId, deletedAnswer()).exchange(), 403, 303, 303, 303, 303);
		row("GET /u/{id}", (c, u) -> c.get().uri("/u/{id}", this.targetUserId).exchange(), 200, 200, 200, 200, 200);
		row("GET /api/v1/users/{id}/profile", (c, u) -> c.get().uri("/api/v1/users/{id}/profile", this.targetUserId)
			.exchange(), 200, 200, 200, 200, 200);
		row("GET /p/{id}", (c, u) -> c.get().uri("/p/{id}", this.answerId).exchange(), 303, 303, 303, 303, 303);
		// Product areas are listed for everyone and managed by staff (admins hold every role).
		row("GET /api/v1/areas", (c, u) -> c.get().uri("/api/v1/areas").exchange(), 200, 200, 200, 200, 200);
		row("POST /api/v1/areas", (c, u) -> c.post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", uniqueSlug(), "name", "Matrix area")).exchange(), 401, 403, 403, 201, 201);
		row("PUT /api/v1/areas/{slug}", (c, u) -> c.put().uri("/api/v1/areas/{slug}", this.areaSlug)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slug", this.areaSlug, "name", "Renamed"))
			.exchange(), 401, 403, 403, 200, 200);
		row("GET /api/v1/tags", (c, u) -> c.get().uri("/api/v1/tags?prefix=ma").exchange(), 200, 200, 200, 200, 200);
		row("GET /admin/areas", (c, u) -> c.get().uri("/admin/areas").exchange(), 302, 403, 403, 200, 200);
		row("POST /admin/areas", (c, u) -> c.post().uri("/admin/areas").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("slug", uniqueSlug()).with("name", "Matrix area")).exchange(),
				403, 403, 403, 303, 303);
		row("POST /admin/areas/{slug}", (c, u) -> c.post().uri("/admin/areas/{slug}", this.areaSlug)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("name", "Renamed again"))
			.exchange(), 403, 403, 403, 303, 303);
		row("GET /api/v1/threads/{id}/similar", (c, u) -> c.get().uri("/api/v1/threads/{id}/similar", this.threadId)
			.exchange(), 200, 200, 200, 200, 200);
		row("GET /t/{id}/duplicates", (c, u) -> c.get().uri("/t/{id}/duplicates", this.threadId).exchange(),
				302, 403, 200, 403, 200);
		row("GET /ask/similar", (c, u) -> c.get().uri("/ask/similar?title=matrix").exchange(), 302, 200, 200, 200, 200);
		// The knowledge base: reading, rating and "this answered me" are public; writing it is for staff.
		row("GET /kb", (c, u) -> c.get().uri("/kb?q=matrix").exchange(), 200, 200, 200, 200, 200);
		row("GET /kb/{id}", (c, u) -> c.get().uri("/kb/{id}", this.articleId).exchange(), 303, 303, 303, 303, 303);
		row("GET /kb/{id}/{slug}", (c, u) -> c.get().uri("/kb/{id}/matrix-article", this.articleId).exchange(),
				200, 200, 200, 200, 200);
		row("POST /kb/{id}/feedback", (c, u) -> c.post().uri("/kb/{id}/feedback", this.articleId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("helpful", "yes"))
			.exchange(), 303, 303, 303, 303, 303);
		row("POST /kb/{id}/deflect", (c, u) -> c.post().uri("/kb/{id}/deflect", this.articleId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("q", "matrix"))
			.exchange(), 303, 303, 303, 303, 303);
		row("GET /kb/manage", (c, u) -> c.get().uri("/kb/manage").exchange(), 302, 403, 403, 200, 200);
		row("GET /kb/manage/{id}", (c, u) -> c.get().uri("/kb/manage/{id}", this.articleId).exchange(),
				302, 403, 403, 200, 200);
		row("GET /kb/manage/{id}/diff", (c, u) -> c.get().uri("/kb/manage/{id}/diff?from=1&to=0", this.articleId)
			.exchange(), 302, 403, 403, 200, 200);
		row("POST /kb/manage/{id}", (c, u) -> c.post().uri("/kb/manage/{id}", this.articleId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("title", "Matrix article").with("body", "Edited in the matrix.")).exchange(),
				403, 403, 403, 303, 303);
		row("POST /kb/manage/{id}/{action:submit|publish|archive|source-reviewed}", (c, u) -> c.post()
			.uri("/kb/manage/{id}/publish", this.articleId).exchange(), 403, 403, 403, 303, 303);
		row("POST /kb/manage/{id}/translate", (c, u) -> c.post().uri("/kb/manage/{id}/translate", freshDraft())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("locale", "ko"))
			.exchange(), 403, 403, 403, 303, 303);
		row("POST /kb/manage/{id}/versions/{number}/restore", (c, u) -> c.post()
			.uri("/kb/manage/{id}/versions/1/restore", this.articleId).exchange(), 403, 403, 403, 303, 303);
		row("POST /t/{id}/promote", (c, u) -> c.post().uri("/t/{id}/promote", solvedThread()).exchange(),
				403, 403, 403, 303, 303);
		row("GET /api/v1/articles", (c, u) -> c.get().uri("/api/v1/articles").exchange(), 200, 200, 200, 200, 200);
		row("GET /api/v1/articles/{id}", (c, u) -> c.get().uri("/api/v1/articles/{id}", this.articleId).exchange(),
				200, 200, 200, 200, 200);
		row("POST /api/v1/articles", (c, u) -> c.post().uri("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("threadId", solvedThread())).exchange(), 401, 403, 403, 201, 201);
		row("PUT /api/v1/articles/{id}", (c, u) -> c.put().uri("/api/v1/articles/{id}", this.articleId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Matrix article", "body", "Edited."))
			.exchange(), 401, 403, 403, 200, 200);
		row("POST /api/v1/articles/{id}/submit", (c, u) -> c.post().uri("/api/v1/articles/{id}/submit", freshDraft())
			.exchange(), 401, 403, 403, 200, 200);
		row("POST /api/v1/articles/{id}/publish", (c, u) -> c.post().uri("/api/v1/articles/{id}/publish", this.articleId)
			.exchange(), 401, 403, 403, 200, 200);
		row("POST /api/v1/articles/{id}/archive", (c, u) -> c.post().uri("/api/v1/articles/{id}/archive", freshDraft())
			.exchange(), 401, 403, 403, 200, 200);
		row("POST /api/v1/articles/{id}/source-reviewed", (c, u) -> c.post()
			.uri("/api/v1/articles/{id}/source-reviewed", this.articleId).exchange(), 401, 403, 403, 200, 200);
		row("POST /api/v1/articles/{id}/translations", (c, u) -> c.post()
			.uri("/api/v1/articles/{id}/translations", freshDraft()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("locale", "ko")).exchange(), 401, 403, 403, 201, 201);
		row("GET /api/v1/articles/{id}/versions", (c, u) -> c.get().uri("/api/v1/articles/{id}/versions", this.articleId)
			.exchange(), 401, 403, 403, 200, 200);
		row("GET /api/v1/articles/{id}/versions/{number}", (c, u) -> c.get()
			.uri("/api/v1/articles/{id}/versions/1", this.articleId).exchange(), 401, 403, 403, 200, 200);
		row("GET /api/v1/articles/{id}/diff", (c, u) -> c.get()
			.uri("/api/v1/articles/{id}/diff?from=1&to=0", this.articleId).exchange(), 401, 403, 403, 200, 200);
		row("POST /api/v1/articles/{id}/versions/{number}/restore", (c, u) -> c.post()
			.uri("/api/v1/articles/{id}/versions/1/restore", this.articleId).exchange(), 401, 403, 403, 200, 200);
		row("PUT /api/v1/articles/{id}/feedback", (c, u) -> c.put().uri("/api/v1/articles/{id}/feedback", this.articleId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("helpful", true)).exchange(),
				200, 200, 200, 200, 200);
		row("POST /api/v1/articles/{id}/deflections", (c, u) -> c.post()
			.uri("/api/v1/articles/{id}/deflections", this.articleId).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("where", "search")).exchange(), 204, 204, 204, 204, 204);
		row("GET /api/v1/threads/{id}/articles", (c, u) -> c.get().uri("/api/v1/threads/{id}/articles", this.threadId)
			.exchange(), 200, 200, 200, 200, 200);
		// Moderation: every signed-in member flags and appeals; the queue and the actions are for moderators.
		row("POST /api/v1/flags", (c, u) -> c.post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", freshThread(), "reason", "off-topic")).exchange(),
				401, 201, 201, 201, 201);
		row("GET /api/v1/flags/mine", (c, u) -> c.get().uri("/api/v1/flags/mine").exchange(), 401, 200, 200, 200, 200);
		row("POST /api/v1/appeals", (c, u) -> c.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "Nothing to appeal")).exchange(), 401, 409, 409, 409, 409);
		row("GET /api/v1/review", (c, u) -> c.get().uri("/api/v1/review?kind=flagged").exchange(), 401, 403, 200, 403, 200);
		row("GET /api/v1/review/counts", (c, u) -> c.get().uri("/api/v1/review/counts").exchange(),
				401, 403, 200, 403, 200);
		row("GET /api/v1/review/{id}", (c, u) -> c.get().uri("/api/v1/review/{id}", reviewItem()).exchange(),
				401, 403, 200, 403, 200);
		row("POST /api/v1/review/{id}/claim", (c, u) -> c.post().uri("/api/v1/review/{id}/claim", reviewItem())
			.exchange(), 401, 403, 200, 403, 200);
		row("DELETE /api/v1/review/{id}/claim", (c, u) -> c.delete().uri("/api/v1/review/{id}/claim", reviewItem())
			.exchange(), 401, 403, 200, 403, 200);
		row("POST /api/v1/review/{id}/decision", (c, u) -> c.post().uri("/api/v1/review/{id}/decision", reviewItem())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "disagree")).exchange(),
				401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/close", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/close", freshThread()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "off-topic")).exchange(), 401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/reopen", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/reopen", markedThread("close", Map.of("reason", "other"))).exchange(),
				401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/lock", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/lock", freshThread()).exchange(), 401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/unlock", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/unlock", markedThread("lock", Map.of())).exchange(),
				401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/pin", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/pin", freshThread()).exchange(), 401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/unpin", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/unpin", markedThread("pin", Map.of())).exchange(),
				401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/move", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/move", freshThread()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("area", this.areaSlug)).exchange(), 401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/merge", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/merge", freshThread()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("target", this.threadId)).exchange(), 401, 403, 200, 403, 200);
		row("POST /api/v1/moderation/threads/{id}/unmerge", (c, u) -> c.post()
			.uri("/api/v1/moderation/threads/{id}/unmerge", markedThread("merge", Map.of("target", this.threadId)))
			.exchange(), 401, 403, 200, 403, 200);
		row("PUT /api/v1/moderation/members/{id}/restriction", (c, u) -> c.put()
			.uri("/api/v1/moderation/members/{id}/restriction", user().id()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "silenced", "days", 1, "reason", "Matrix")).exchange(), 401, 403, 200, 403, 200);
		row("DELETE /api/v1/moderation/members/{id}/restriction", (c, u) -> c.delete()
			.uri("/api/v1/moderation/members/{id}/restriction", user().id()).exchange(), 401, 403, 204, 403, 204);
		row("GET /api/v1/moderation/audit", (c, u) -> c.get().uri("/api/v1/moderation/audit").exchange(),
				401, 403, 200, 403, 200);
		row("GET /api/v1/moderation/figures", (c, u) -> c.get().uri("/api/v1/moderation/figures").exchange(),
				401, 403, 200, 403, 200);
		// Members below the edit privilege suggest edits; those who may edit directly are told to (409).
		row("POST /api/v1/threads/{threadId}/suggested-edits", (c, u) -> c.post()
			.uri("/api/v1/threads/{id}/suggested-edits", freshThread()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question("Matrix deletion", "A suggested body")).exchange(), 401, 202, 409, 409, 409);
		row("POST /api/v1/threads/{threadId}/answers/{answerId}/suggested-edits", (c, u) -> c.post()
			.uri("/api/v1/threads/{t}/answers/{a}/suggested-edits", this.threadId, freshAnswer())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("body", "A suggested answer body.")).exchange(),
				401, 202, 409, 409, 409);
		// Moderation pages: flagging and appealing for members, the rest for moderators (forms answer with redirects).
		row("POST /t/{id}/flag", (c, u) -> c.post().uri("/t/{id}/flag", this.threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("postType", "question")
				.with("postId", freshThread()).with("reason", "off-topic")).exchange(), 403, 303, 303, 303, 303);
		row("POST /t/{id}/moderate/{action}", (c, u) -> c.post().uri("/t/{id}/moderate/lock", freshThread()).exchange(),
				403, 403, 303, 403, 303);
		row("POST /moderation/members/{id}/restrict", (c, u) -> c.post().uri("/moderation/members/{id}/restrict", user().id())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("kind", "silenced")
				.with("days", "1").with("reason", "Matrix")).exchange(), 403, 403, 303, 403, 303);
		row("POST /moderation/members/{id}/lift", (c, u) -> c.post().uri("/moderation/members/{id}/lift", user().id())
			.exchange(), 403, 403, 303, 403, 303);
		row("GET /appeal", (c, u) -> c.get().uri("/appeal").exchange(), 302, 200, 200, 200, 200);
		row("GET /flags", (c, u) -> c.get().uri("/flags").exchange(), 302, 200, 200, 200, 200);
		row("POST /appeal", (c, u) -> c.post().uri("/appeal").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("text", "Nothing to appeal")).exchange(), 403, 303, 303, 303, 303);
		row("GET /review", (c, u) -> c.get().uri("/review?kind=flagged").exchange(), 302, 403, 200, 403, 200);
		row("POST /review/{id}/decide", (c, u) -> c.post().uri("/review/{id}/decide", reviewItem())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("outcome", "disagree"))
			.exchange(), 403, 403, 303, 403, 303);
		row("POST /review/{id}/claim", (c, u) -> c.post().uri("/review/{id}/claim", reviewItem()).exchange(),
				403, 403, 303, 403, 303);
		row("GET /moderation/audit", (c, u) -> c.get().uri("/moderation/audit").exchange(), 302, 403, 200, 403, 200);
		// Every signed-in member has an inbox and watches.
		row("GET /notifications", (c, u) -> c.get().uri("/notifications").exchange(), 302, 200, 200, 200, 200);
		row("GET /notifications/stream", (c, u) -> c.get().uri("/notifications/stream?once=true").exchange(),
				302, 200, 200, 200, 200);
		row("POST /notifications/read-all", (c, u) -> c.post().uri("/notifications/read-all").exchange(),
				403, 303, 303, 303, 303);
		row("GET /api/v1/notifications", (c, u) -> c.get().uri("/api/v1/notifications").exchange(), 401, 200, 200, 200, 200);
		row("GET /api/v1/notifications/unread-count", (c, u) -> c.get().uri("/api/v1/notifications/unread-count")
			.exchange(), 401, 200, 200, 200, 200);
		row("POST /api/v1/notifications/{id}/read", (c, u) -> c.post().uri("/api/v1/notifications/nonexistent/read")
			.exchange(), 401, 404, 404, 404, 404);
		row("POST /api/v1/notifications/read-all", (c, u) -> c.post().uri("/api/v1/notifications/read-all").exchange(),
				401, 204, 204, 204, 204);
		row("PUT /api/v1/threads/{threadId}/watch", (c, u) -> c.put().uri("/api/v1/threads/{id}/watch", this.threadId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("level", "watching")).exchange(),
				401, 200, 200, 200, 200);
		row("DELETE /api/v1/threads/{threadId}/watch", (c, u) -> c.delete().uri("/api/v1/threads/{id}/watch", this.threadId)
			.exchange(), 401, 204, 204, 204, 204);
		row("GET /notifications/settings", (c, u) -> c.get().uri("/notifications/settings").exchange(),
				302, 200, 200, 200, 200);
		row("POST /notifications/settings", (c, u) -> c.post().uri("/notifications/settings")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("kind.answer=daily").exchange(),
				403, 303, 303, 303, 303);
		row("POST /notifications/settings/topics", (c, u) -> c.post().uri("/notifications/settings/topics")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("topic=tag:matrix&level=watching").exchange(),
				403, 303, 303, 303, 303);
		row("GET /api/v1/notifications/preferences", (c, u) -> c.get().uri("/api/v1/notifications/preferences")
			.exchange(), 401, 200, 200, 200, 200);
		row("PUT /api/v1/notifications/preferences", (c, u) -> c.put().uri("/api/v1/notifications/preferences")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "daily")).exchange(),
				401, 200, 200, 200, 200);
		row("GET /api/v1/watches/topics", (c, u) -> c.get().uri("/api/v1/watches/topics").exchange(),
				401, 200, 200, 200, 200);
		row("PUT /api/v1/watches/topics/{topic}", (c, u) -> c.put().uri("/api/v1/watches/topics/tag:matrix")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("level", "watching")).exchange(),
				401, 200, 200, 200, 200);
		row("DELETE /api/v1/watches/topics/{topic}", (c, u) -> c.delete().uri("/api/v1/watches/topics/tag:matrix")
			.exchange(), 401, 204, 204, 204, 204);
		row("GET /api/v1/members/suggest", (c, u) -> c.get().uri("/api/v1/members/suggest?q=Test").exchange(),
				401, 200, 200, 200, 200);
		// Unsubscribe links carry their own signature: anyone may follow one, and a missing or wrong one is refused.
		row("GET /unsubscribe", (c, u) -> c.get().uri("/unsubscribe?u=x&k=all&s=forged").exchange(),
				400, 400, 400, 400, 400);
		row("POST /unsubscribe", (c, u) -> c.post().uri("/unsubscribe?u=x&k=all&s=forged")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("List-Unsubscribe=One-Click").exchange(),
				400, 400, 400, 400, 400);
		// Admins: the mail outbox and webhooks.
		row("GET /admin/mail", (c, u) -> c.get().uri("/admin/mail").exchange(), 302, 403, 403, 403, 200);
		row("GET /admin/webhooks", (c, u) -> c.get().uri("/admin/webhooks").exchange(), 302, 403, 403, 403, 200);
		row("POST /admin/webhooks", (c, u) -> c.post().uri("/admin/webhooks")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("url=ftp://example.com/hook").exchange(),
				403, 403, 403, 403, 303);
		row("POST /admin/webhooks/{id}/enabled", (c, u) -> c.post().uri("/admin/webhooks/nonexistent/enabled")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("enabled=false").exchange(),
				403, 403, 403, 403, 404);
		row("POST /admin/webhooks/{id}/delete", (c, u) -> c.post().uri("/admin/webhooks/nonexistent/delete").exchange(),
				403, 403, 403, 403, 404);
		row("POST /admin/webhooks/{id}/redeliver", (c, u) -> c.post().uri("/admin/webhooks/nonexistent/redeliver")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("eventId=x").exchange(),
				403, 403, 403, 403, 404);
		row("GET /api/v1/admin/emails", (c, u) -> c.get().uri("/api/v1/admin/emails").exchange(), 401, 403, 403, 403, 200);
		row("POST /api/v1/admin/webhooks", (c, u) -> c.post().uri("/api/v1/admin/webhooks")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", "ftp://example.com/hook")).exchange(),
				401, 403, 403, 403, 400);
		row("GET /api/v1/admin/webhooks", (c, u) -> c.get().uri("/api/v1/admin/webhooks").exchange(),
				401, 403, 403, 403, 200);
		row("GET /api/v1/admin/webhooks/{id}", (c, u) -> c.get().uri("/api/v1/admin/webhooks/nonexistent").exchange(),
				401, 403, 403, 403, 404);
		row("PATCH /api/v1/admin/webhooks/{id}", (c, u) -> c.patch().uri("/api/v1/admin/webhooks/nonexistent")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false)).exchange(),
				401, 403, 403, 403, 404);
		row("DELETE /api/v1/admin/webhooks/{id}", (c, u) -> c.delete().uri("/api/v1/admin/webhooks/nonexistent")
			.exchange(), 401, 403, 403, 403, 404);
		row("GET /api/v1/admin/webhooks/{id}/deliveries", (c, u) -> c.get()
			.uri("/api/v1/admin/webhooks/nonexistent/deliveries").exchange(), 401, 403, 403, 403, 404);
		row("POST /api/v1/admin/webhooks/{id}/redeliver", (c, u) -> c.post()
			.uri("/api/v1/admin/webhooks/nonexistent/redeliver").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("eventId", "x")).exchange(), 401, 403, 403, 403, 404);
		row("GET /api/v1/insights/overview", (c, u) -> c.get().uri("/api/v1/insights/overview").exchange(),
				401, 403, 403, 200, 200);
		row("GET /api/v1/insights/export/{table}.csv", (c, u) -> c.get().uri("/api/v1/insights/export/areas.csv")
			.exchange(), 401, 403, 403, 200, 200);
		row("GET /api/v1/product-issues", (c, u) -> c.get().uri("/api/v1/product-issues").exchange(),
				200, 200, 200, 200, 200);
		row("GET /api/v1/product-issues/{id}", (c, u) -> c.get().uri("/api/v1/product-issues/nonexistent").exchange(),
				404, 404, 404, 404, 404);
		row("POST /api/v1/product-issues", (c, u) -> c.post().uri("/api/v1/product-issues")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "known-issue", "threadIds", List.of("nonexistent"))).exchange(),
				401, 403, 404, 404, 404);
		row("PUT /api/v1/product-issues/{id}/status", (c, u) -> c.put().uri("/api/v1/product-issues/nonexistent/status")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "fixed")).exchange(),
				401, 403, 404, 404, 404);
		row("GET /known-issues", (c, u) -> c.get().uri("/known-issues").exchange(), 200, 200, 200, 200, 200);
		row("GET /known-issues/panel", (c, u) -> c.get().uri("/known-issues/panel").exchange(), 200, 200, 200, 200, 200);
		row("POST /t/{id}/status", (c, u) -> c.post().uri("/t/{id}/status", "nonexistent")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("kind", "known-issue").with("status", "investigating")).exchange(),
				403, 403, 404, 404, 404);
		row("GET /api/v1/surveys/due", (c, u) -> c.get().uri("/api/v1/surveys/due?threadId=nonexistent").exchange(),
				401, 200, 200, 200, 200);
		row("POST /api/v1/surveys/ces", (c, u) -> c.post().uri("/api/v1/surveys/ces")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("threadId", "nonexistent", "score", 5)).exchange(),
				401, 404, 404, 404, 404);
		row("POST /api/v1/surveys/nps", (c, u) -> c.post().uri("/api/v1/surveys/nps")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("score", 11)).exchange(), 401, 400, 400, 400, 400);
		row("GET /surveys/prompt", (c, u) -> c.get().uri("/surveys/prompt?thread=nonexistent").exchange(),
				302, 200, 200, 200, 200);
		row("POST /surveys/ces", (c, u) -> c.post().uri("/surveys/ces").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("thread", "nonexistent").with("score", "5")).exchange(),
				403, 200, 200, 200, 200);
		row("POST /surveys/nps", (c, u) -> c.post().uri("/surveys/nps").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("score", "11")).exchange(), 403, 200, 200, 200, 200);
		row("GET /insights", (c, u) -> c.get().uri("/insights").exchange(), 302, 403, 403, 200, 200);
		row("GET /sitemap.xml", (c, u) -> c.get().uri("/sitemap.xml").exchange(), 200, 200, 200, 200, 200);
		row("GET /robots.txt", (c, u) -> c.get().uri("/robots.txt").exchange(), 200, 200, 200, 200, 200);
		// The API documentation (springdoc) is public.
		row("GET /api/docs", (c, u) -> c.get().uri("/api/docs").exchange(), 302, 302, 302, 302, 302);
		row("GET /api/docs/openapi.json", (c, u) -> c.get().uri("/api/docs/openapi.json").exchange(),
				200, 200, 200, 200, 200);
		row("GET /api/docs/openapi.json.yaml", (c, u) -> c.get().uri("/api/docs/openapi.json.yaml").exchange(),
				200, 200, 200, 200, 200);
		row("GET /api/docs/openapi.json/swagger-config", (c, u) -> c.get()
			.uri("/api/docs/openapi.json/swagger-config").exchange(), 200, 200, 200, 200, 200);
		row("GET /api/v1/test-only/failure", (c, u) -> c.get().uri("/api/v1/test-only/failure").exchange(),
				401, 500, 500, 500, 500);
	}

	/** A thread whose answer is accepted, ready to be promoted. */
	private String solvedThread() {
		return dev.madang.support.QaSteps.solvedThread(as(this.owner), asMember(), "Matrix article");
	}

	/** A new draft article of its own, for the rows whose second call would find the first one's change. */
	private String freshDraft() {
		return dev.madang.support.QaSteps.promote(as(this.staff), solvedThread(), "en");
	}

	private static String uniqueSlug() {
		return "matrix-" + java.util.UUID.randomUUID().toString().substring(0, 8);
	}

	private String freshThread() {
		return dev.madang.support.QaSteps.ask(as(this.owner), "Matrix deletion");
	}

	private String deletedThread() {
		String id = freshThread();
		as(this.owner).delete().uri("/api/v1/threads/{id}", id).exchange().expectStatus().isNoContent();
		return id;
	}

	/** A review item of its own: a fresh question flagged off-topic by a member. */
	private String reviewItem() {
		String thread = freshThread();
		asMember().post().uri("/api/v1/flags").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postType", "question", "postId", thread, "reason", "off-topic")).exchange()
			.expectStatus().isCreated();
		return this.mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("subject").is(thread)),
				org.bson.Document.class, "review_items").block(java.time.Duration.ofSeconds(5)).get("_id").toString();
	}

	/** A fresh question a moderator has closed, locked, pinned or merged ({@code action}, with {@code body}). */
	private String markedThread(String action, Map<String, Object> body) {
		String thread = freshThread();
		as(user(Role.MODERATOR)).post().uri("/api/v1/moderation/threads/{id}/" + action, thread)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
		return thread;
	}

	private String freshAnswer() {
		return dev.madang.support.QaSteps.answer(as(this.owner), this.threadId, "An answer that will be deleted.");
	}

	private String deletedAnswer() {
		String id = freshAnswer();
		as(this.owner).delete().uri("/api/v1/threads/{t}/answers/{a}", this.threadId, id).exchange()
			.expectStatus().isNoContent();
		return id;
	}

	@Test
	void everyEndpointAnswersEachRoleAsTheRulesSay() {
		Map<String, TestUser> callers = new LinkedHashMap<>();
		callers.put("member", user());
		callers.put("moderator", user(Role.MODERATOR));
		callers.put("staff", user(Role.STAFF));
		callers.put("admin", user(Role.ADMIN));
		List<String> mismatches = new ArrayList<>();
		this.matrix.forEach((endpoint, row) -> {
			for (int i = 0; i < CALLERS.size(); i++) {
				String caller = CALLERS.get(i);
				TestUser user = callers.get(caller);
				WebTestClient client = (user != null) ? as(user) : this.http;
				int status = row.call().apply(client, user).returnResult(byte[].class).getStatus().value();
				if (status != row.expected()[i]) {
					mismatches.add(endpoint + " as " + caller + ": expected " + row.expected()[i] + ", got " + status);
				}
			}
		});
		assertThat(mismatches).isEmpty();
	}

	@Test
	void everyEndpointIsInTheMatrix() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> info.getPatternsCondition().getPatterns()
			.forEach((pattern) -> info.getMethodsCondition().getMethods()
				.forEach((method) -> endpoints.add(method.name() + " " + pattern.getPatternString()))));
		assertThat(this.matrix.keySet()).as("the authorization matrix").containsAll(endpoints);
	}

	private void row(String endpoint, BiFunction<WebTestClient, TestUser, WebTestClient.ResponseSpec> call,
			int... expected) {
		this.matrix.put(endpoint, new Row(call, expected));
	}

	private record Row(BiFunction<WebTestClient, TestUser, WebTestClient.ResponseSpec> call, int[] expected) {
	}

}
