package dev.madang.insight;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.madang.events.DomainEvent;
import dev.madang.events.EventType;
import dev.madang.search.insight.InsightIndex;

/**
 * What readers did, one insights document per event: a knowledge-base rating (one per reader and article, so the
 * latest answer replaces the one before by version), a deflection, or a flush of search counts.
 */
final class SelfServiceFacts {

	private SelfServiceFacts() {
	}

	/** The document this event makes, or null when it is not one of these. */
	static InsightIndex.FactsDocument of(DomainEvent event) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("at", event.at().toString());
		switch (event.type()) {
			case EventType.ARTICLE_RATED -> {
				source.put("kind", "rating");
				article(source, event);
				source.put("helpful", Boolean.parseBoolean(event.text("helpful")));
				source.put("comment", event.text("comment"));
				source.put("commented", event.text("comment") != null);
				return new InsightIndex.FactsDocument("rating:" + event.subject() + ":" + event.text("reader"),
						event.seq(), source);
			}
			case EventType.ARTICLE_DEFLECTED -> {
				source.put("kind", "deflection");
				article(source, event);
				source.put("where", event.text("where"));
				source.put("query", event.text("query"));
				return new InsightIndex.FactsDocument("deflection:" + event.id(), event.seq(), source);
			}
			case EventType.SEARCHES_COUNTED -> {
				source.put("kind", "search");
				source.put("query", event.text("query"));
				source.put("searches", event.number("searches"));
				source.put("zero", Boolean.parseBoolean(event.text("zero")));
				source.put("clicks", event.number("clicks"));
				return new InsightIndex.FactsDocument("search:" + event.id(), event.seq(), source);
			}
			case EventType.SURVEY_ANSWERED -> {
				source.put("kind", event.text("kind"));
				source.put("area", event.text("area"));
				source.put("score", event.number("score"));
				return new InsightIndex.FactsDocument("survey:" + event.subject(), event.seq(), source);
			}
			default -> {
				return null;
			}
		}
	}

	private static void article(Map<String, Object> source, DomainEvent event) {
		source.put("articleId", event.subject());
		source.put("area", event.text("area"));
		source.put("title", event.text("title"));
	}

}
