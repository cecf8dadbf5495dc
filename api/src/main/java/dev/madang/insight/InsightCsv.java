package dev.madang.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's tables as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Korean). A cell that
 * starts like a formula gets a leading apostrophe: a question title must not run as a formula where it is opened.
 */
final class InsightCsv {

	private InsightCsv() {
	}

	static String areas(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("area", "name", "asked", "previous_asked", "change", "me_too", "votes", "views", "unresolved",
				"unresolved_share", "pain", "solved", "resolution_rate", "first_response_median_min",
				"first_response_p90_min", "community_response_median_min", "staff_response_median_min",
				"resolution_median_min", "resolution_p90_min", "unanswered", "oldest_unanswered_min"));
		for (Overview.AreaRow row : overview.areas()) {
			rows.add(figures(row.area(), row.name(), row.figures()));
		}
		rows.add(figures("", "total", overview.total()));
		return write(rows);
	}

	static String tags(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("tag", "asked", "previous_asked", "change", "me_too", "votes", "views", "unresolved",
				"unresolved_share", "pain"));
		for (Overview.PainRow row : overview.tags()) {
			rows.add(listOf(row.key(), row.asked(), row.previousAsked(), row.change(), row.meToo(), row.votes(),
					row.views(), row.unresolved(), row.unresolvedShare(), row.pain()));
		}
		return write(rows);
	}

	static String unresolved(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("id", "title", "area", "me_too", "votes", "views", "answers", "asked_at"));
		for (Overview.FollowedQuestion question : overview.mostFollowedUnresolved()) {
			rows.add(listOf(question.id(), question.title(), question.area(), question.meToo(), question.votes(),
					question.views(), question.answers(), question.askedAt()));
		}
		return write(rows);
	}

	static String articles(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("article_id", "title", "rated", "helpful", "csat"));
		for (Overview.ArticleRating article : overview.selfService().articles()) {
			rows.add(listOf(article.articleId(), article.title(), article.rated(), article.helpful(), article.csat()));
		}
		return write(rows);
	}

	static String emerging(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("kind", "key", "recent", "background", "score", "examples"));
		for (String kind : List.of("term", "tag")) {
			for (EmergingTopics.Topic topic : "term".equals(kind) ? overview.emerging().terms() : overview.emerging().tags()) {
				rows.add(listOf(kind, topic.key(), topic.recent(), topic.background(), topic.score(),
						String.join(" | ", topic.examples().stream().map(EmergingTopics.Example::title).toList())));
			}
		}
		return write(rows);
	}

	static String surveys(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("area", "name", "ces_answers", "ces_average", "ces_easy_share", "nps_answers", "nps"));
		for (Overview.AreaSurvey row : overview.selfService().surveyAreas()) {
			Overview.Survey survey = row.survey();
			rows.add(listOf(row.area(), row.name(), survey.effortAnswers(), survey.effortAverage(), survey.easyShare(),
					survey.loyaltyAnswers(), survey.nps()));
		}
		Overview.Survey total = overview.selfService().survey();
		rows.add(listOf("", "total", total.effortAnswers(), total.effortAverage(), total.easyShare(),
				total.loyaltyAnswers(), total.nps()));
		return write(rows);
	}

	static String searches(Overview overview) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("query", "searches_without_results"));
		for (Overview.QueryCount query : overview.selfService().topSearchesWithoutResults()) {
			rows.add(listOf(query.query(), query.searches()));
		}
		return write(rows);
	}

	private static List<Object> figures(String area, String name, Overview.Figures figures) {
		Overview.PainRow pain = figures.pain();
		return listOf(area, name, pain.asked(), pain.previousAsked(), pain.change(), pain.meToo(), pain.votes(),
				pain.views(), pain.unresolved(), pain.unresolvedShare(), pain.pain(), figures.solved(),
				figures.resolutionRate(), figures.firstResponse().median().minutes(),
				figures.firstResponse().p90().minutes(), figures.communityResponse().median().minutes(),
				figures.staffResponse().median().minutes(), figures.resolution().median().minutes(),
				figures.resolution().p90().minutes(), figures.unanswered(), figures.oldestUnansweredMinutes());
	}

	private static List<Object> listOf(Object... values) {
		return java.util.Arrays.asList(values);
	}

	static String write(List<List<Object>> rows) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		for (List<Object> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				if (i > 0) {
					csv.append(',');
				}
				csv.append(cell(row.get(i)));
			}
			csv.append("\r\n");
		}
		return csv.toString();
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof Double number) ? String.format(Locale.ROOT, "%.4f", number) : value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
