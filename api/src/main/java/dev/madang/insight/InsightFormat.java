package dev.madang.insight;

import java.util.Locale;

/** How the dashboard writes waits and shares: "45 min", "3 h", "2 d", "> 4 d", "50 %". */
public final class InsightFormat {

	private final String language;

	InsightFormat(String language) {
		this.language = language;
	}

	public String wait(Survival.Wait wait) {
		if (wait == null || (wait.minutes() == null && wait.moreThanMinutes() == null)) {
			return "–";
		}
		return (wait.minutes() != null) ? minutes(wait.minutes()) : "> " + minutes(wait.moreThanMinutes());
	}

	public String minutes(Long minutes) {
		if (minutes == null) {
			return "–";
		}
		boolean ko = "ko".equals(this.language);
		if (minutes < 120) {
			return minutes + (ko ? "분" : " min");
		}
		if (minutes < 48 * 60) {
			return trim(minutes / 60.0) + (ko ? "시간" : " h");
		}
		return trim(minutes / 1440.0) + (ko ? "일" : " d");
	}

	public String percent(Double share) {
		return (share == null) ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
	}

	public String change(Double change) {
		if (change == null) {
			return "–";
		}
		return String.format(Locale.ROOT, "%+.0f %%", change * 100);
	}

	private static String trim(double value) {
		return (value == Math.rint(value) || value >= 10) ? Long.toString(Math.round(value))
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
