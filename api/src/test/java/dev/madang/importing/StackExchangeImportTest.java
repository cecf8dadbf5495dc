package dev.madang.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class StackExchangeImportTest extends ApiIntegrationTest {


	@Autowired
	private StackExchangeImport importer;

	@Test
	void importingARealDumpStoresWhatTheXmlHoldsAndImportingAgainChangesNothing() throws IOException {
		Path folder = Fixtures.folder("se-coffee-posts");
		Expected expected = expectedFrom(folder.resolve("Posts.xml"));

		ImportReport first = this.importer.importFolder(folder, null).block(Duration.ofMinutes(5));
		assertThat(first.site()).isEqualTo("coffee.stackexchange.com");
		assertThat(first.questions()).isEqualTo(expected.questions);
		assertThat(first.answers()).isEqualTo(expected.answers);
		assertThat(first.accepted()).isEqualTo(expected.accepted);
		long threads = countImported("threads");
		long answers = countImported("answers");
		assertThat(threads).isEqualTo(expected.questions);
		assertThat(answers).isEqualTo(expected.answers);

		List<String> registered = this.mongo.findAll(org.bson.Document.class, "tags").map((tag) -> tag.getString("_id"))
			.collectList().block(Duration.ofSeconds(30));
		assertThat(registered).containsAll(expected.tags);

		// Each imported question and answer is in the event log once, at its original time (insights read history
		// from it).
		assertThat(importedEvents("question.asked")).isEqualTo(expected.questions);
		assertThat(importedEvents("answer.posted")).isEqualTo(expected.answers);

		ImportReport second = this.importer.importFolder(folder, null).block(Duration.ofMinutes(5));
		assertThat(second).isEqualTo(first);
		assertThat(countImported("threads")).isEqualTo(threads);
		assertThat(countImported("answers")).isEqualTo(answers);
		assertThat(importedEvents("question.asked")).as("importing again records nothing").isEqualTo(expected.questions);
		assertThat(importedEvents("answer.posted")).isEqualTo(expected.answers);
	}

	private long importedEvents(String type) {
		return this.mongo.count(Query.query(Criteria.where("type").is(type)
			.and("data.imported").regex("^se:coffee\\.stackexchange\\.com:")), "events").block(Duration.ofSeconds(30));
	}

	@Test
	void importedQuestionsShowTheirSourceSafelyAndAreSearchable() {
		Path folder = Fixtures.folder("se-coffee-posts");
		this.importer.importFolder(folder, null).block(Duration.ofMinutes(5));
		org.bson.Document thread = this.mongo.findOne(Query.query(Criteria.where("importKey")
			.is("se:coffee.stackexchange.com:post:1")), org.bson.Document.class, "threads").block();
		assertThat(thread).isNotNull();
		String id = thread.getObjectId("_id").toHexString();

		this.http.get().uri("/api/v1/threads/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.bodyHtml").value((String html) -> assertThat(html).startsWith("<p>").doesNotContain("<script"));
		String page = this.http.get().uri("/t/{id}", id).exchange().expectStatus().is3xxRedirection()
			.returnResult(String.class).getResponseHeaders().getLocation().toString();
		String html = this.http.get().uri(page).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(html).contains("coffee.stackexchange.com", "CC BY-SA", "https://coffee.stackexchange.com/q/1");

		String title = thread.getString("title");
		String word = title.replaceAll("[^A-Za-z ]", " ").trim().split("\\s+")[0];
		eventually(Duration.ofSeconds(60), () -> this.http.get().uri("/api/v1/search?q={q}&size=50", title).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.hits[*].id").value((java.util.List<String> ids) -> assertThat(ids).contains(id)));
		assertThat(word).isNotEmpty();
	}

	@Test
	void commentsComeAlongOnTheirQuestionsAndAnswers() throws IOException {
		Path folder = Fixtures.folder("se-ai");
		Set<String> posts = new HashSet<>();
		for (String line : Files.readAllLines(folder.resolve("Posts.xml"))) {
			Matcher post = Pattern.compile(" Id=\"(\\d+)\" PostTypeId=\"([12])\"").matcher(line);
			if (post.find()) {
				posts.add(post.group(1));
			}
		}
		long expected = Files.readAllLines(folder.resolve("Comments.xml")).stream()
			.map((line) -> Pattern.compile(" PostId=\"(\\d+)\"").matcher(line))
			.filter((postId) -> postId.find() && posts.contains(postId.group(1)))
			.count();

		ImportReport first = this.importer.importFolder(folder, null).block(Duration.ofMinutes(5));
		assertThat(first.comments()).isEqualTo(expected);
		Query imported = Query.query(Criteria.where("importKey").regex("^se:ai\\.stackexchange\\.com:comment:"));
		assertThat(this.mongo.count(imported, "comments").block()).isEqualTo(expected);
		ImportReport second = this.importer.importFolder(folder, null).block(Duration.ofMinutes(5));
		assertThat(second.comments()).isEqualTo(expected);
		assertThat(this.mongo.count(imported, "comments").block()).isEqualTo(expected);

		org.bson.Document comment = this.mongo.findOne(imported, org.bson.Document.class, "comments").block();
		String threadId = comment.getString("threadId");
		this.http.get().uri("/api/v1/threads/{id}/comments", threadId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[*].body").value((List<String> bodies) -> assertThat(bodies)
				.contains(comment.getString("body")));
	}

	private long countImported(String collection) {
		return this.mongo.count(Query.query(Criteria.where("importKey").regex("^se:coffee\\.stackexchange\\.com:")),
				collection).block(Duration.ofSeconds(30));
	}

	/** Counts read straight from the XML with a regular expression, independent of the importer's parser. */
	private static Expected expectedFrom(Path posts) throws IOException {
		Set<String> questions = new HashSet<>();
		Set<String> acceptedIds = new HashSet<>();
		Set<String> tags = new HashSet<>();
		java.util.Map<String, String> parentOf = new java.util.HashMap<>();
		for (String line : Files.readAllLines(posts)) {
			Matcher id = Pattern.compile(" Id=\"(\\d+)\"").matcher(line);
			Matcher type = Pattern.compile(" PostTypeId=\"(\\d+)\"").matcher(line);
			if (!id.find() || !type.find()) {
				continue;
			}
			if (type.group(1).equals("1")) {
				questions.add(id.group(1));
				Matcher tagged = Pattern.compile(" Tags=\"([^\"]*)\"").matcher(line);
				if (tagged.find()) {
					for (String tag : tagged.group(1).split("&lt;|&gt;|\\|")) {
						if (!tag.isBlank()) {
							tags.add(tag.toLowerCase(java.util.Locale.ROOT));
						}
					}
				}
				Matcher accepted = Pattern.compile(" AcceptedAnswerId=\"(\\d+)\"").matcher(line);
				if (accepted.find()) {
					acceptedIds.add(accepted.group(1));
				}
			}
			else if (type.group(1).equals("2")) {
				Matcher parent = Pattern.compile(" ParentId=\"(\\d+)\"").matcher(line);
				if (parent.find()) {
					parentOf.put(id.group(1), parent.group(1));
				}
			}
		}
		long answers = parentOf.values().stream().filter(questions::contains).count();
		long accepted = acceptedIds.stream().filter((answer) -> questions.contains(parentOf.get(answer))).count();
		return new Expected(questions.size(), answers, accepted, tags);
	}

	private record Expected(long questions, long answers, long accepted, Set<String> tags) {
	}

}
