package dev.madang.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.QaSteps;
import dev.madang.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the published OpenAPI document, called as an administrator (who reaches the deepest code) and
 * anonymously, with the Big List of Naughty Strings in every path parameter, query parameter and string field, and
 * with wrong types, huge arrays, deep nesting, malformed JSON, invalid UTF-8 and wrong content types. None may answer
 * 5xx, and every refusal must be {@code application/problem+json}. A new operation is fuzzed without being listed.
 */
class ApiFuzzTest extends ApiIntegrationTest {

	/** Every n-th string of the list: all 485 in every place would be 80,000 requests. */
	private static final int SAMPLE_EVERY = 8;

	/** Values written into addresses as they are, escapes included. */
	private static final List<String> RAW_IN_ADDRESS = List.of("%C0%AF", "%2F", "%00", "..", "%zz", "%E0%80%AF", ";x");

	/**
	 * Operations left out: they rebuild the shared search index or recompute every member's reputation, which other
	 * tests of this JVM rely on; neither takes a parameter or a body.
	 */
	private static final List<String> LEFT_OUT = List.of("POST /api/v1/admin/search/rebuild", "POST /api/v1/admin/reconcile");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	private final List<String> failures = new ArrayList<>();

	private int requests;

	private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

	@Test
	void everyOperationRefusesBadInputWithProblemsAndNeverFails() throws Exception {
		Map<String, Object> spec = JSON.readValue(this.http.get().uri("/api/docs/openapi.json").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(), Map.class);
		Fixture fixture = new Fixture();
		List<Operation> operations = operations(spec);
		assertThat(operations).hasSizeGreaterThan(40);
		List<String> naughty = naughtyStrings();
		for (Operation operation : operations) {
			for (String value : naughty) {
				if (!operation.pathParameters().isEmpty()) {
					send(fixture.admin, operation, operation.path(fixture, (name) -> encodePath(value)), "",
							json(operation.body(fixture, null, null)), MediaType.APPLICATION_JSON);
				}
				if (!operation.queryParameters().isEmpty()) {
					send(fixture.admin, operation, operation.path(fixture, null), operation.query(encodeQuery(value)),
							json(operation.body(fixture, null, null)), MediaType.APPLICATION_JSON);
				}
				// One field at a time, the others valid, so each value reaches the code behind the other checks.
				for (String field : operation.textFields()) {
					send(fixture.admin, operation, operation.path(fixture, null), "",
							json(operation.body(fixture, field, value)), MediaType.APPLICATION_JSON);
				}
			}
			for (String raw : RAW_IN_ADDRESS) {
				if (!operation.pathParameters().isEmpty()) {
					send(fixture.admin, operation, operation.path(fixture, (name) -> raw), "",
							json(operation.body(fixture, null, null)), MediaType.APPLICATION_JSON);
				}
				if (!operation.queryParameters().isEmpty()) {
					send(fixture.admin, operation, operation.path(fixture, null), operation.query(raw), null, null);
				}
			}
			malformedBodies(fixture, operation);
			send(null, operation, operation.path(fixture, null), "", json(operation.body(fixture, null, null)),
					MediaType.APPLICATION_JSON);
		}
		System.out.println("Fuzzed " + this.requests + " requests; answers by status: " + this.statuses);
		assertThat(this.requests).isGreaterThan(3_000);
		// The valid requests must get through too, or the fuzzing only ever reached the first check.
		assertThat(this.statuses.keySet()).contains(200, 201, 400, 404);
		assertThat(this.failures).as(this.failures.size() + " of " + this.requests + " requests failed").isEmpty();
	}

	/** Wrong types, a 10,000-item array, JSON 5,000 deep, broken JSON, invalid UTF-8, 1 MB, wrong content types. */
	private void malformedBodies(Fixture fixture, Operation operation) {
		if (operation.schema() == null) {
			return;
		}
		String path = operation.path(fixture, null);
		Map<String, Object> wrongTypes = new LinkedHashMap<>();
		operation.properties().keySet().forEach((name) -> wrongTypes.put(name, Map.of("nested", List.of(1, true))));
		Map<String, Object> numbers = new LinkedHashMap<>();
		operation.properties().keySet().forEach((name) -> numbers.put(name, 1e308));
		Map<String, Object> hugeArrays = new LinkedHashMap<>();
		operation.properties().keySet().forEach((name) -> hugeArrays.put(name, java.util.Collections.nCopies(10_000, "x")));
		List<byte[]> bodies = List.of(json(wrongTypes), json(numbers), json(hugeArrays),
				json(java.util.Collections.nCopies(10_000, 1)), ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(),
				"{\"title\": \"unfinished".getBytes(), "null".getBytes(), "".getBytes(),
				new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' },
				json(operation.body(fixture, operation.textFields().isEmpty() ? null : operation.textFields().get(0),
						"x".repeat(1 << 20))));
		for (byte[] body : bodies) {
			send(fixture.admin, operation, path, "", body, MediaType.APPLICATION_JSON);
		}
		for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
				MediaType.MULTIPART_FORM_DATA)) {
			send(fixture.admin, operation, path, "", "title=x&body=y".getBytes(), type);
		}
	}

	private void send(TestUser caller, Operation operation, String path, String query, byte[] body, MediaType type) {
		this.requests++;
		String address = "http://localhost:" + this.port + path + (query.isEmpty() ? "" : "?" + query);
		URI uri;
		try {
			uri = URI.create(address);
		}
		catch (IllegalArgumentException ex) {
			// Not an address any client could send.
			return;
		}
		var request = this.http.method(HttpMethod.valueOf(operation.method())).uri(uri);
		if (caller != null) {
			request.header("Authorization", caller.bearer());
		}
		EntityExchangeResult<byte[]> result;
		if (body != null && type != null && !operation.method().equals("GET") && !operation.method().equals("DELETE")) {
			result = request.contentType(type).bodyValue(body).exchange().expectBody().returnResult();
		}
		else {
			result = request.exchange().expectBody().returnResult();
		}
		int status = result.getStatus().value();
		this.statuses.merge(status, 1, Integer::sum);
		MediaType answered = result.getResponseHeaders().getContentType();
		boolean problem = answered != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(answered);
		if (status >= 500 || (status >= 400 && !problem)) {
			String sent = (body == null) ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
			this.failures.add(status + " " + answered + " for " + operation.method() + " "
					+ address.substring(0, Math.min(address.length(), 200)) + " " + sent);
		}
	}

	private static List<String> naughtyStrings() throws java.io.IOException {
		List<String> all;
		try (var in = ApiFuzzTest.class.getResourceAsStream("/fuzz/blns.json")) {
			all = JSON.readValue(in, List.class);
		}
		List<String> sample = new ArrayList<>();
		for (int i = 0; i < all.size(); i += SAMPLE_EVERY) {
			sample.add(all.get(i));
		}
		sample.addAll(List.of("", " ", "\u200B", "-1", "0", "99999999999999999999", "null", "true", "x".repeat(65_536),
				"<script>alert(1)</script>", "비밀번호를 잊어버렸어요", "\uD83D\uDE00".repeat(100)));
		return sample;
	}

	@SuppressWarnings("unchecked")
	private static List<Operation> operations(Map<String, Object> spec) {
		Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
		List<Operation> operations = new ArrayList<>();
		((Map<String, Map<String, Object>>) spec.get("paths")).forEach((path, methods) -> methods.forEach((method, raw) -> {
			Map<String, Object> operation = (Map<String, Object>) raw;
			String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
			if (LEFT_OUT.contains(name)) {
				return;
			}
			List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
			Map<String, Object> schema = null;
			Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) operation
				.getOrDefault("requestBody", Map.of())).get("content");
			if (content != null && content.get("application/json") instanceof Map<?, ?> json
					&& json.get("schema") instanceof Map<?, ?> reference && reference.get("$ref") instanceof String ref) {
				schema = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
			}
			operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path,
					parameters.stream().filter((p) -> "path".equals(p.get("in"))).map((p) -> (String) p.get("name")).toList(),
					parameters.stream().filter((p) -> "query".equals(p.get("in"))).map((p) -> (String) p.get("name")).toList(),
					schema));
		}));
		// Deleting runs last, so the fixture's thread and token serve every other operation first.
		operations.sort(java.util.Comparator.comparing((Operation operation) -> operation.method().equals("DELETE")));
		return operations;
	}

	private static String encodePath(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	private static String encodeQuery(String value) {
		return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
	}

	private static byte[] json(Object value) {
		return (value == null) ? null : JSON.writeValueAsBytes(value);
	}

	/** Real documents for the path parameters, so bodies and queries reach the code behind the id checks. */
	private final class Fixture {

		final TestUser admin = user(Role.ADMIN, Role.STAFF, Role.MODERATOR);

		final TestUser target = user();

		final String threadId = QaSteps.solvedThread(as(user()), as(user()), "Fuzzing target question");

		final String answerId = QaSteps.answer(as(user()), this.threadId, "Another answer to fuzz with.");

		final String articleId = QaSteps.promote(as(this.admin), this.threadId, "en");

		final String tokenId = as(this.admin).post().uri("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "to be revoked")).exchange().expectStatus().isCreated().expectBody(Map.class)
			.returnResult().getResponseBody().get("id").toString();

		String valueOf(String path, String name) {
			return switch (name) {
				case "threadId" -> this.threadId;
				case "answerId" -> this.answerId;
				case "number" -> "1";
				case "slug" -> "fuzz-area";
				default -> path.startsWith("/api/v1/articles") ? this.articleId
						: path.startsWith("/api/v1/answers") ? this.answerId
						: path.startsWith("/api/v1/users") ? this.target.id()
						: path.startsWith("/api/v1/tokens") ? this.tokenId : this.threadId;
			};
		}

	}

	/** One operation of the OpenAPI document. */
	private record Operation(String method, String template, List<String> pathParameters, List<String> queryParameters,
			Map<String, Object> schema) {

		/** The path with valid ids, or with {@code naughty}'s value in every parameter. */
		String path(Fixture fixture, Function<String, String> naughty) {
			String path = this.template;
			for (String name : this.pathParameters) {
				String value = (naughty != null) ? naughty.apply(name) : fixture.valueOf(this.template, name);
				path = path.replace("{" + name + "}", value);
			}
			return path;
		}

		String query(String encoded) {
			return String.join("&", this.queryParameters.stream().map((name) -> name + "=" + encoded).toList());
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> properties() {
			return (Map<String, Object>) this.schema.getOrDefault("properties", Map.of());
		}

		/** The body's string and string-list fields. */
		List<String> textFields() {
			if (this.schema == null) {
				return List.of();
			}
			return properties().entrySet().stream()
				.filter((field) -> List.of("string", "array").contains(String.valueOf(((Map<?, ?>) field.getValue()).get("type"))))
				.map(Map.Entry::getKey)
				.toList();
		}

		/** A body that passes validation, but for {@code naughty} in {@code field} (in a list if the field is one). */
		Map<String, Object> body(Fixture fixture, String field, String naughty) {
			if (this.schema == null) {
				return null;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			properties().forEach((name, definition) -> {
				String type = String.valueOf(((Map<?, ?>) definition).get("type"));
				Object valid = validValue(fixture, name, type);
				if (name.equals(field)) {
					body.put(name, "array".equals(type) ? List.of(naughty) : naughty);
				}
				else if (valid != null) {
					body.put(name, valid);
				}
			});
			return body;
		}

		private static Object validValue(Fixture fixture, String name, String type) {
			return switch (name) {
				case "value" -> 1;
				case "locale" -> "en";
				case "where" -> "search";
				case "helpful" -> true;
				case "roles" -> List.of("member");
				case "email" -> "fuzz-" + System.nanoTime() + "@example.com";
				case "password", "newPassword" -> "a long enough passphrase";
				case "currentPassword" -> dev.madang.support.TestUsers.PASSWORD;
				case "threadId" -> fixture.threadId;
				case "answerId" -> fixture.answerId;
				case "slug" -> "fuzz-" + System.nanoTime();
				case "area", "baseRevision", "answerIds", "archived" -> null;
				default -> switch (type) {
					case "string" -> "Fuzzing with valid text";
					case "integer", "number" -> 1;
					case "boolean" -> true;
					case "array" -> List.of();
					default -> null;
				};
			};
		}

	}

}
