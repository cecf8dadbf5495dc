package dev.madang.insight;

import java.time.Instant;
import java.util.List;

/**
 * Owners' figures for a period: the whole community (or one area), each area, the top tags, and the most-followed
 * unresolved questions. Every figure is defined in {@code docs/insights.md}.
 */
record Overview(Instant from, Instant to, String area, Figures total, List<AreaRow> areas, List<PainRow> tags,
		List<FollowedQuestion> mostFollowedUnresolved, SelfService selfService, EmergingTopics.Emerging emerging) {

	/**
	 * Self-service in the period: knowledge-base satisfaction ({@code csat}: helpful ÷ rated, each reader's latest
	 * answer per article), deflections on search and on the ask page, searches and those that found nothing,
	 * results opened from search ({@code clickThrough}: opened ÷ searches), and {@code score}: readers who found an
	 * answer (helpful ratings + deflections) ÷ questions asked.
	 */
	record SelfService(long rated, long helpful, Double csat, List<ArticleRating> articles, List<AreaRating> areas,
			List<ReaderComment> comments, long deflectedOnSearch, long deflectedOnAsk, long searches,
			long searchesWithoutResults, long clicks, Double clickThrough, List<QueryCount> topSearchesWithoutResults,
			Double score, Survey survey, List<AreaSurvey> surveyAreas) {
	}

	/**
	 * Customer effort and loyalty: {@code effortAverage} of the 1–7 answers and {@code easyShare} (5–7);
	 * {@code nps}: % promoters (9–10) − % detractors (0–6) of the 0–10 answers, from −100 to 100.
	 */
	record Survey(long effortAnswers, Double effortAverage, Double easyShare, long loyaltyAnswers, Double nps) {
	}

	record AreaSurvey(String area, String name, Survey survey) {
	}

	record ArticleRating(String articleId, String title, long rated, long helpful, Double csat) {
	}

	record AreaRating(String area, String name, long rated, long helpful, Double csat) {
	}

	record ReaderComment(String articleId, String title, boolean helpful, String comment, Instant at) {
	}

	record QueryCount(String query, long searches) {
	}

	/**
	 * Pain points of one area or tag: questions asked in the period and in the one before it, their "me too"
	 * counts, votes and views, how many are still unresolved at the period's end, and {@code pain}: unresolved
	 * questions plus the members who said "me too" on them (each customer still stuck counts once).
	 */
	record PainRow(String key, String name, long asked, long previousAsked, Double change, long meToo, long votes,
			long views, long unresolved, Double unresolvedShare, long pain) {
	}

	/**
	 * Support figures: {@code resolutionRate} is solved ÷ asked; waits are in minutes (the end of the bin the
	 * percentile falls in), counting questions still waiting at the period's end as censored.
	 */
	record Figures(PainRow pain, long solved, Double resolutionRate, Waits firstResponse, Waits communityResponse,
			Waits staffResponse, Waits resolution, long unanswered, Long oldestUnansweredMinutes,
			Long medianUnansweredAgeMinutes) {
	}

	/** The median and 90th percentile of a wait, with how many questions had the event and how many still wait. */
	record Waits(Survival.Wait median, Survival.Wait p90, long had, long waiting) {
	}

	record AreaRow(String area, String name, Figures figures) {
	}

	record FollowedQuestion(String id, String title, String language, String area, int meToo, int votes, long views,
			int answers, Instant askedAt) {
	}

}
