package dev.madang.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import dev.madang.area.ProductAreas;
import dev.madang.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the period and area an owner asked for: {@code from} and {@code to} as dates ({@code 2026-11-01}, a whole
 * day: {@code to} includes its day) or instants; by default the last 30 days. {@code to} in the future means now.
 * An inverted period, one over three years, or an area that does not exist is a 400 problem.
 */
@Component
class InsightRequest {

	static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

	static final Duration LONGEST = Duration.ofDays(3 * 366);

	private final Clock clock;

	private final ProductAreas areas;

	InsightRequest(Clock clock, ProductAreas areas) {
		this.clock = clock;
		this.areas = areas;
	}

	Period period(String from, String to) {
		Instant now = this.clock.instant();
		Instant end = (to == null || to.isBlank()) ? now : parse("to", to, true);
		if (end.isAfter(now)) {
			end = now;
		}
		Instant start = (from == null || from.isBlank()) ? end.minus(DEFAULT_LENGTH) : parse("from", from, false);
		if (!start.isBefore(end)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period",
					"The period's start (" + start + ") must be before its end (" + end + ").");
		}
		if (Duration.between(start, end).compareTo(LONGEST) > 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "period-too-long", "Period too long",
					"A period covers at most three years; this one has " + Duration.between(start, end).toDays() + " days.");
		}
		return new Period(start, end);
	}

	/** The area's slug when it exists (null for the whole community), else a 400 problem. */
	Mono<String> area(String area) {
		if (area == null || area.isBlank()) {
			return Mono.just("");
		}
		return this.areas.bySlug().flatMap((known) -> known.containsKey(area) ? Mono.just(area)
				: Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "unknown-area", "Unknown product area",
						"There is no product area '" + area + "'.")));
	}

	private static Instant parse(String name, String value, boolean endOfDay) {
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period",
					"'" + name + "' must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z), not '"
							+ value.substring(0, Math.min(40, value.length())) + "'.");
		}
	}

}
