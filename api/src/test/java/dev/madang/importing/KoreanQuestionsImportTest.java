package dev.madang.importing;

import java.nio.file.Path;
import java.time.Duration;

import dev.madang.support.ApiIntegrationTest;
import dev.madang.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class KoreanQuestionsImportTest extends ApiIntegrationTest {

	@Autowired
	private KoreanQuestionsImport korean;

	@Test
	void koreanPairsBecomeSolvedQuestionsOnceAndAreFoundBySearch() {
		Path csv = Fixtures.folder("ko-chatbot-data").resolve("ChatbotData.csv");
		String[] pair = KoreanQuestionsImport.splitCsv(readLine(csv, 1));
		assertThat(this.korean.importPairs(csv, 20, null).block(Duration.ofMinutes(2))).isEqualTo(20);
		assertThat(this.korean.importPairs(csv, 20, null).block(Duration.ofMinutes(2))).isEqualTo(20);
		Query imported = Query.query(Criteria.where("importKey").regex("^ko-chatbot:\\d+$"));
		assertThat(this.mongo.count(imported, "threads").block()).isEqualTo(20);

		org.bson.Document first = this.mongo.findOne(Query.query(Criteria.where("importKey").is("ko-chatbot:2")),
				org.bson.Document.class, "threads").block();
		assertThat(first.getString("title")).isEqualTo(pair[0]);
		assertThat(first.getString("status")).isEqualTo("SOLVED");
		String id = first.getObjectId("_id").toHexString();
		this.http.get().uri("/api/v1/threads/{id}/answers", id).exchange().expectBody()
			.jsonPath("$[0].body").isEqualTo(pair[1]).jsonPath("$[0].accepted").isEqualTo(true);
		eventually(Duration.ofSeconds(30), () -> this.http.get().uri("/api/v1/search?q={q}", pair[0]).exchange()
			.expectBody().jsonPath("$.hits[0].id").isEqualTo(id));
	}

	@Test
	void csvFieldsMayBeQuoted() {
		assertThat(KoreanQuestionsImport.splitCsv("\"안녕, 마당\",\"그는 \"\"네\"\"라고 했다\",1"))
			.containsExactly("안녕, 마당", "그는 \"네\"라고 했다", "1");
	}

	private static String readLine(Path csv, int index) {
		try {
			return java.nio.file.Files.readAllLines(csv).get(index);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
