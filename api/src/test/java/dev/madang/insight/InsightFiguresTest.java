package dev.madang.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.events.Outbox;
import dev.madang.identity.Role;
import dev.madang.support.ApiIntegrationTest;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owners' figures against a community whose every figure is worked out by hand below: questions asked at
 * chosen times in a fresh area, recorded in the real event log, folded by the rollup, aggregated by the real node,
 * read through the API. Times are minutes before or after the period's end T.
 */
class InsightFiguresTest extends ApiIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private Outbox outbox;

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final String area = "ins-" + this.run;

	private final String other = "ins-b-" + this.run;

	private final Instant end = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

	private final Instant start = this.end.minus(7, ChronoUnit.DAYS);

	@Test
	@SuppressWarnings("unchecked")
	void figuresMatchTheHandComputedOnesIncludingCensoredMergedMovedAndReSolvedQuestions() {
		WebTestClient staff = as(user(Role.STAFF));
		createArea(staff, this.area);
		createArea(staff, this.other);
		String tagA = "ta-" + this.run;
		String tagB = "tb-" + this.run;
		String tagC = "tc-" + this.run;

		// Previous period (T-14d … T-7d): one question.
		String q0 = asked(days(-10), this.area, "asker0", List.of(tagA));
		record(EventType.ANSWER_ACCEPTED, id(), q0, "asker0", days(-9));

		// q1: comment by the community after 5 min, staff answer after 40, accepted after 120; me too ×2 (a third
		// member takes theirs back); votes +1 +1 and one retracted; 10 views.
		String q1 = asked(days(-6), this.area, "asker1", List.of(tagA));
		record(EventType.COMMENT_POSTED, id(), q1, "helper1", minutesAfter(days(-6), 5));
		record(EventType.ANSWER_POSTED, id(), q1, "staff1", minutesAfter(days(-6), 40), "staff", true);
		record(EventType.ANSWER_ACCEPTED, id(), q1, "asker1", minutesAfter(days(-6), 120));
		for (String member : List.of("m1", "m2", "m3")) {
			record(EventType.ME_TOO, q1, q1, member, days(-5), "following", true);
		}
		record(EventType.ME_TOO, q1, q1, "m3", days(-5), "following", false);
		vote(q1, "v1", 1);
		vote(q1, "v2", 1);
		vote(q1, "v3", 1);
		vote(q1, "v3", 0);
		record(EventType.QUESTION_VIEWED, q1, q1, null, days(-5), "views", 7);
		record(EventType.QUESTION_VIEWED, q1, q1, null, days(-4), "views", 3);

		// q2: the asker's own comment (no response), a community answer after 300 min; then q6 — asked 2 min after
		// q2, answered 5 min later — is merged into it, so q2's first response is that answer: 7 min. One me too.
		String q2 = asked(days(-5), this.area, "asker2", List.of(tagA, tagB));
		record(EventType.COMMENT_POSTED, id(), q2, "asker2", minutesAfter(days(-5), 1));
		record(EventType.ANSWER_POSTED, id(), q2, "helper2", minutesAfter(days(-5), 300));
		record(EventType.ME_TOO, q2, q2, "m1", days(-4), "following", true);
		String q6 = asked(minutesAfter(days(-5), 2), this.area, "asker6", List.of(tagA));
		String a6 = id();
		record(EventType.ANSWER_POSTED, a6, q6, "helper6", minutesAfter(days(-5), 7));
		record(EventType.QUESTION_MERGED, q6, q6, "mod", days(-1), "target", q2, "answerIds", List.of(a6),
				"commentIds", List.of());

		// q3: never answered: censored at 4 days (5760 min). One vote down.
		String q3 = asked(days(-4), this.area, "asker3", List.of(tagB));
		vote(q3, "v1", -1);

		// q4: never answered, 3 hours old at T (censored at 180 min); asked with tag C, edited to tag B; 5 views.
		String q4 = asked(minutesAfter(this.end, -180), this.area, "asker4", List.of(tagC));
		record(EventType.QUESTION_EDITED, q4, q4, "asker4", minutesAfter(this.end, -170), "title", "q4 edited",
				"tags", List.of(tagB), "area", this.area);
		record(EventType.QUESTION_VIEWED, q4, q4, null, minutesAfter(this.end, -100), "views", 5);

		// q5: staff answer after 30 min, accepted after 1 day, re-solved (staff mark another answer) after 1.5
		// days: resolved after 1440 min.
		String q5 = asked(days(-2), this.area, "asker5", List.of());
		record(EventType.ANSWER_POSTED, id(), q5, "staff1", minutesAfter(days(-2), 30), "staff", true);
		record(EventType.ANSWER_ACCEPTED, id(), q5, "asker5", minutesAfter(days(-2), 1440));
		record(EventType.ANSWER_UNACCEPTED, id(), q5, "mod", minutesAfter(days(-2), 2160));
		record(EventType.SOLUTION_MARKED, id(), q5, "mod", minutesAfter(days(-2), 2160));

		// q7: deleted, so out of every figure.
		String q7 = asked(days(-3), this.area, "asker7", List.of(tagB));
		record(EventType.QUESTION_DELETED, q7, q7, "mod", days(-2));

		// q8: asked in the other area, moved here; community answer after 60 min, solved after 90.
		String q8 = asked(days(-2), this.other, "asker8", List.of());
		record(EventType.ANSWER_POSTED, id(), q8, "helper8", minutesAfter(days(-2), 60));
		record(EventType.ANSWER_ACCEPTED, id(), q8, "asker8", minutesAfter(days(-2), 90));
		record(EventType.QUESTION_MOVED, q8, q8, "mod", days(-1), "before", this.other, "after", this.area);

		// Asked in the period and counted: q1 q2 q3 q4 q5 q8 (q6 merged, q7 deleted) = 6; before it: 1.
		eventually(WAIT, () -> assertThat(figures(staff).get("total")).extracting("pain")
			.extracting("asked", "votes").containsExactly(6, 1));
		Map<String, Object> overview = figures(staff);
		Map<String, Object> total = (Map<String, Object>) overview.get("total");
		Map<String, Object> pain = (Map<String, Object>) total.get("pain");
		assertThat(pain).containsEntry("asked", 6).containsEntry("previousAsked", 1).containsEntry("change", 5.0)
			// me too: q1 2 + q2 1; votes: q1 +2, q3 −1; views: q1 10 + q4 5
			.containsEntry("meToo", 3).containsEntry("votes", 1).containsEntry("views", 15)
			// unresolved q2 q3 q4; pain = 3 unresolved + q2's one me too
			.containsEntry("unresolved", 3).containsEntry("unresolvedShare", 0.5).containsEntry("pain", 4);
		assertThat(total).containsEntry("solved", 3).containsEntry("resolutionRate", 0.5)
			.containsEntry("unanswered", 2).containsEntry("oldestUnansweredMinutes", 5760)
			// unanswered ages 180 (bin 180–240) and 5760: the median falls in the first, reported as its end
			.containsEntry("medianUnansweredAgeMinutes", 240);

		// First response, anyone: q1 5, q2 7 (merged), q5 30, q8 60; q4 censored at 180, q3 at 5760.
		// Kaplan–Meier: 5/6 after 5; ×4/5 = 4/6 after 7; ×3/4 = 1/2 after 30 → median in bin 30–45: 45.
		// ×2/3 = 1/3 after 60, then only censored questions: the 90th percentile is not reached (> 5760).
		assertWaits(total, "firstResponse", 45, null, 5760, 4, 2);
		// Community: q1 5, q2 7, q8 60; q5 (staff only) censored at 2880 → 5/6, 4/6, ×3/4 = 1/2 after 60: bin 60–90.
		assertWaits(total, "communityResponse", 90, null, 5760, 3, 3);
		// Staff: q1 40 and q5 30, both in bin 30–45 → 4/6 = 0.67: the median is not reached; q2 waits 7200.
		assertWaits(total, "staffResponse", null, null, 7200, 2, 4);
		// Resolution: q8 90, q1 120, q5 1440 (re-solving keeps the first time); censored q4 180, q3 5760, q2 7200.
		// 5/6 after 90; 4/6 after 120; q4 leaves at 180; ×2/3 = 4/9 after 1440 → median in bin 1440–2880: 2880.
		assertWaits(total, "resolution", 2880, null, 7200, 3, 3);

		List<Map<String, Object>> areas = (List<Map<String, Object>>) overview.get("areas");
		assertThat(areas).extracting("area").containsExactly(this.area);
		assertThat(areas.get(0)).extracting("figures").extracting("pain").extracting("asked", "previousAsked", "pain")
			.containsExactly(6, 1, 4);

		// Tags: B on q2 q3 q4 (edited to B): 3 asked, all unresolved, q2's me too → pain 4; A on q1 q2: 2 asked, 1
		// unresolved, me too 2 + 1 = 3, pain 1 + 1 = 2, 1 the period before (q0) → change +100 %. C: edited away.
		List<Map<String, Object>> tags = (List<Map<String, Object>>) overview.get("tags");
		assertThat(tags).extracting("key").containsExactly(tagB, tagA);
		assertThat(tags.get(0)).containsEntry("asked", 3).containsEntry("unresolved", 3).containsEntry("meToo", 1)
			.containsEntry("pain", 4);
		assertThat(tags.get(1)).containsEntry("asked", 2).containsEntry("unresolved", 1).containsEntry("meToo", 3)
			.containsEntry("pain", 2).containsEntry("previousAsked", 1).containsEntry("change", 1.0);

		// Most followed, unresolved: q2 (one me too), then q4 (votes 0) before q3 (votes −1).
		assertThat((List<Map<String, Object>>) overview.get("mostFollowedUnresolved")).extracting("id")
			.containsExactly(q2, q4, q3);

		// The other area: q8 left it, so nothing was asked there.
		Map<String, Object> otherArea = staff.get().uri((uri) -> uri.path("/api/v1/insights/overview")
			.queryParam("from", this.start.toString()).queryParam("to", this.end.toString())
			.queryParam("area", this.other).build())
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(otherArea).extracting("total").extracting("pain").extracting("asked").isEqualTo(0);

		// The same figures as CSV, one row per area and the total.
		String csv = staff.get().uri((uri) -> uri.path("/api/v1/insights/export/areas.csv")
			.queryParam("from", this.start.toString()).queryParam("to", this.end.toString())
			.queryParam("area", this.area).build())
			.exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFarea,name,asked,previous_asked,change");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith(this.area + ",").contains(",6,1,5.0000,3,1,15,3,0.5000,4,3,0.5000,45,,90,,2880,,2,5760");
	}

	@Test
	@SuppressWarnings("unchecked")
	void selfServiceFiguresMatchTheHandComputedOnes() {
		WebTestClient staff = as(user(Role.STAFF));
		createArea(staff, this.area);
		// A week of 2001, which no other test writes to.
		Instant day = Instant.parse("2001-03-02T10:00:00Z");
		asked(day, this.area, "asker1", List.of());
		asked(day.plusSeconds(60), this.area, "asker2", List.of());
		String a1 = id();
		String a2 = id();
		rate(a1, "u:r1", true, null, day.plusSeconds(100));
		rate(a1, "b:r2", false, "Outdated screenshots", day.plusSeconds(200));
		rate(a1, "b:r3", true, null, day.plusSeconds(300));
		rate(a1, "b:r3", false, null, day.plusSeconds(400));
		rate(a1, "u:r4", true, "Clear steps", day.plusSeconds(500));
		rate(a2, "u:r1", true, null, day.plusSeconds(600));
		deflect(a1, "search", day.plusSeconds(700));
		deflect(a1, "search", day.plusSeconds(800));
		deflect(a2, "ask", day.plusSeconds(900));
		searches("printer jam", 5, false, 2, day);
		searches("ㅁㅁ 없는 검색", 3, true, 0, day);
		searches("zzz-" + this.run, 1, true, 0, day);
		searches("printer jam", 2, false, 1, day.plusSeconds(10));

		String from = "2001-03-01";
		String to = "2001-03-07";
		// Searches were recorded last: once they are all in, everything before them is.
		eventually(WAIT, () -> assertThat(selfService(staff, from, to, null)).containsEntry("searches", 11));
		Map<String, Object> inArea = selfService(staff, from, to, this.area);
		// a1: r1 yes, r2 no, r3 no (their latest), r4 yes → 2 of 4; a2: 1 of 1; all: 3 of 5.
		assertThat(inArea).containsEntry("rated", 5).containsEntry("helpful", 3).containsEntry("csat", 0.6)
			.containsEntry("deflectedOnSearch", 2).containsEntry("deflectedOnAsk", 1)
			// readers who found an answer (3 helpful + 3 deflections) ÷ 2 questions asked
			.containsEntry("score", 3.0)
			// searches carry no area
			.containsEntry("searches", 0);
		assertThat((List<Map<String, Object>>) inArea.get("articles")).extracting("articleId", "rated", "helpful", "csat")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(a1, 4, 2, 0.5), org.assertj.core.groups.Tuple.tuple(a2, 1, 1, 1.0));
		assertThat((List<Map<String, Object>>) inArea.get("comments")).extracting("comment", "helpful")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Clear steps", true),
					org.assertj.core.groups.Tuple.tuple("Outdated screenshots", false));
		assertThat((List<Map<String, Object>>) inArea.get("areas")).extracting("area", "csat")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.area, 0.6));

		Map<String, Object> everywhere = selfService(staff, from, to, null);
		// 11 searches, 4 of them found nothing; 3 results opened → 3/11.
		assertThat(everywhere).containsEntry("searches", 11).containsEntry("searchesWithoutResults", 4)
			.containsEntry("clicks", 3).containsEntry("clickThrough", 3.0 / 11);
		assertThat((List<Map<String, Object>>) everywhere.get("topSearchesWithoutResults")).extracting("query", "searches")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ㅁㅁ 없는 검색", 3),
					org.assertj.core.groups.Tuple.tuple("zzz-" + this.run, 1));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> selfService(WebTestClient staff, String from, String to, String area) {
		return (Map<String, Object>) staff.get().uri((uri) -> uri.path("/api/v1/insights/overview")
			.queryParam("from", from).queryParam("to", to).queryParamIfPresent("area", java.util.Optional.ofNullable(area))
			.build())
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("selfService");
	}

	private void rate(String article, String reader, boolean helpful, String comment, Instant at) {
		record(EventType.ARTICLE_RATED, article, null, null, at, "reader", reader, "helpful", helpful, "comment",
				comment, "area", this.area, "title", "Article " + article);
	}

	private void deflect(String article, String where, Instant at) {
		record(EventType.ARTICLE_DEFLECTED, article, null, null, at, "where", where, "query", "reset", "area", this.area,
				"title", "Article " + article);
	}

	private void searches(String query, int count, boolean zero, int clicks, Instant at) {
		record(EventType.SEARCHES_COUNTED, query, null, null, at, "query", query, "searches", count, "zero", zero,
				"clicks", clicks);
	}

	@SuppressWarnings("unchecked")
	private static void assertWaits(Map<String, Object> figures, String measure, Integer median, Integer p90,
			Integer p90MoreThan, int had, int waiting) {
		Map<String, Object> waits = (Map<String, Object>) figures.get(measure);
		assertThat(waits).as(measure).containsEntry("had", had).containsEntry("waiting", waiting);
		assertThat((Map<String, Object>) waits.get("median")).as(measure + " median").containsEntry("minutes", median);
		assertThat((Map<String, Object>) waits.get("p90")).as(measure + " p90").containsEntry("minutes", p90)
			.containsEntry("moreThanMinutes", p90MoreThan);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> figures(WebTestClient staff) {
		return staff.get().uri((uri) -> uri.path("/api/v1/insights/overview")
			.queryParam("from", this.start.toString()).queryParam("to", this.end.toString())
			.queryParam("area", this.area).build())
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static void createArea(WebTestClient staff, String slug) {
		staff.post().uri("/api/v1/areas").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", slug, "name", "Area " + slug, "nameKo", "영역 " + slug)).exchange()
			.expectStatus().isCreated();
	}

	private String asked(Instant at, String area, String asker, List<String> tags) {
		String id = id();
		record(EventType.QUESTION_ASKED, id, id, asker, at, "title", "Question " + id, "tags", tags, "area", area,
				"language", "en");
		return id;
	}

	private void vote(String question, String voter, int value) {
		record((value == 0) ? EventType.VOTE_RETRACTED : EventType.VOTE_CAST, voter + ":" + question, question, voter,
				days(-3), "postId", question, "postType", "QUESTION", "value", value);
	}

	/** Records an event in the real log, marked imported so the notifier leaves these test people alone. */
	private void record(String type, String subject, String threadId, String actor, Instant at, Object... data) {
		Object[] all = java.util.Arrays.copyOf(data, data.length + 2);
		all[data.length] = "imported";
		all[data.length + 1] = "test:" + this.run;
		this.outbox.publish(DomainEvent.of(type, subject, threadId, actor, at, all)).block(WAIT);
	}

	private Instant days(int days) {
		return this.end.plus(days, ChronoUnit.DAYS);
	}

	private static Instant minutesAfter(Instant at, long minutes) {
		return at.plus(minutes, ChronoUnit.MINUTES);
	}

	private static String id() {
		return new ObjectId().toHexString();
	}

}
