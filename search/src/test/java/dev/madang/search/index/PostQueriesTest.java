package dev.madang.search.index;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests the posts index sends, read as the JSON Elasticsearch receives. */
class PostQueriesTest {

	private static final Jackson3JsonpMapper MAPPER = new Jackson3JsonpMapper();

	@Test
	void aSearchMatchesTheTextFieldsForgivingTyposInLongerWordsAndLeavesArticlesOut() throws Exception {
		JsonNode request = json(PostQueries.searchRequest("m-posts", SearchQuery.text("grinder stalls", 20)));

		JsonNode scored = request.at("/query/function_score");
		JsonNode match = scored.at("/query/bool/must/0/multi_match");
		assertThat(match.get("query").asString()).isEqualTo("grinder stalls");
		assertThat(match.get("fields")).extracting(JsonNode::asString)
			.containsExactly("title", "body", "solution^1.2", "answers");
		assertThat(match.get("fuzziness").asString()).isEqualTo("AUTO:5,8");
		assertThat(match.get("prefix_length").asInt()).isEqualTo(1);
		assertThat(match.get("tie_breaker").asDouble()).isEqualTo(0.3);
		assertThat(scored.at("/query/bool/must_not/0/term/kind/value").asString()).isEqualTo(PostDocument.ARTICLE);
		// Solved questions ×1.5, well-voted ones ×1.2, multiplied.
		assertThat(scored.at("/functions/0/weight").asDouble()).isEqualTo(1.5);
		assertThat(scored.at("/functions/1/filter/range/score/gte").asDouble()).isEqualTo(5.0);
		assertThat(scored.get("score_mode").asString()).isEqualTo("multiply");
		// Only what a hit shows travels; texts come back as highlights, HTML-encoded.
		assertThat(request.at("/_source/includes")).extracting(JsonNode::asString).doesNotContain("body", "answers");
		assertThat(request.at("/highlight/encoder").asString()).isEqualTo("html");
		assertThat(request.at("/aggregations").propertyNames())
			.containsExactlyInAnyOrder("tags", "areas", "solved", "unanswered");
		assertThat(request.get("size").asInt()).isEqualTo(20);
	}

	@Test
	void filtersNarrowTheSearchAndABlankTextListsNewestFirstUnscored() throws Exception {
		SearchQuery query = new SearchQuery("", "Espresso", "grinders", "solved", "newest", 0, 10);
		JsonNode request = json(PostQueries.searchRequest("m-posts", query));

		JsonNode bool = request.at("/query/bool");
		assertThat(bool.at("/must/0/match_all").isObject()).isTrue();
		assertThat(bool.get("filter").toString()).contains("\"tags\":{\"value\":\"espresso\"}")
			.contains("\"area\":{\"value\":\"grinders\"}")
			.contains("\"solved\":{\"value\":true}");
		assertThat(request.at("/sort/0/createdAt/order").asString()).isEqualTo("desc");
	}

	@Test
	void similarQuestionsNeedTwoSharedTermsAndLeaveTheQuestionItselfOut() throws Exception {
		JsonNode request = json(PostQueries.similarRequest("m-posts", "kettle whistles early", "abc", 5));

		JsonNode bool = request.at("/query/function_score/query/bool");
		assertThat(bool.at("/must/0/multi_match/minimum_should_match").asString()).isEqualTo("2<2 6<30%");
		assertThat(bool.at("/must/0/multi_match/fuzziness").isMissingNode()).isTrue();
		assertThat(bool.get("must_not").toString()).contains("\"kind\"").contains("\"abc\"");
		assertThat(request.has("aggregations")).isFalse();
	}

	@Test
	void officialAnswersSearchOnlyArticlesAndForgiveTyposOnlyInASearch() throws Exception {
		JsonNode searched = json(PostQueries.articlesRequest("m-posts", "password reset", false, 2));
		JsonNode typed = json(PostQueries.articlesRequest("m-posts", "password reset", true, 2));

		assertThat(searched.at("/query/bool/filter/0/term/kind/value").asString()).isEqualTo(PostDocument.ARTICLE);
		assertThat(searched.at("/query/bool/must/0/multi_match/minimum_should_match").asString()).isEqualTo("1<-1 3<2 6<30%");
		assertThat(searched.at("/query/bool/must/0/multi_match/fuzziness").asString()).isEqualTo("AUTO:5,8");
		assertThat(typed.at("/query/bool/must/0/multi_match/minimum_should_match").asString()).isEqualTo("2<2 6<30%");
		assertThat(typed.at("/query/bool/must/0/multi_match/fuzziness").isMissingNode()).isTrue();
	}

	private static JsonNode json(co.elastic.clients.json.JsonpSerializable request) throws Exception {
		return new ObjectMapper().readTree(JsonpUtils.toJsonString(request, MAPPER));
	}

}
