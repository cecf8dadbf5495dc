package dev.madang.insight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.madang.area.ProductAreas;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

/** The owners' dashboard: the overview's figures for a period and area as cards, charts and tables. */
@Controller
class InsightPages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InsightFigures figures;

	private final InsightRequest requests;

	private final ProductAreas areas;

	InsightPages(InsightFigures figures, InsightRequest requests, ProductAreas areas) {
		this.figures = figures;
		this.requests = requests;
		this.areas = areas;
	}

	@GetMapping("/insights")
	Mono<String> dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String area, ServerWebExchange exchange, Model model) {
		String language = exchange.getLocaleContext().getLocale().getLanguage();
		return Mono.defer(() -> {
			Period period = this.requests.period(from, to);
			return this.requests.area(area)
				.flatMap((slug) -> this.figures.overview(period, slug.isEmpty() ? null : slug, language))
				.zipWith(this.areas.list(false).collectList())
				.map((found) -> {
					Overview overview = found.getT1();
					model.addAttribute("overview", overview);
					model.addAttribute("areaChoices", found.getT2());
					model.addAttribute("area", (overview.area() != null) ? overview.area() : "");
					model.addAttribute("fromDay", LocalDate.ofInstant(overview.from(), ZoneOffset.UTC).toString());
					// The end is exclusive: the form shows the last day the period includes.
					model.addAttribute("toDay",
							LocalDate.ofInstant(overview.to().minusMillis(1), ZoneOffset.UTC).toString());
					model.addAttribute("fmt", new InsightFormat(language));
					// Inside <script>, "</" would end the element early whatever the names hold.
					model.addAttribute("chartData", JSON.writeValueAsString(chartData(overview)).replace("</", "<\\/"));
					return "insight/dashboard";
				});
		});
	}

	/** What the charts draw, as a JSON data island the page's script reads (no inline script under the CSP). */
	private static Map<String, Object> chartData(Overview overview) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<Overview.AreaRow> areas = overview.areas();
		data.put("areas", areas.stream().map(Overview.AreaRow::name).toList());
		data.put("unresolved", areas.stream().map((row) -> row.figures().pain().unresolved()).toList());
		data.put("solved", areas.stream().map((row) -> row.figures().solved()).toList());
		data.put("meToo", areas.stream().map((row) -> row.figures().pain().meToo()).toList());
		data.put("tags", overview.tags().stream().map(Overview.PainRow::key).toList());
		data.put("tagPain", overview.tags().stream().map(Overview.PainRow::pain).toList());
		return data;
	}

}
