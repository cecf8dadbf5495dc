package dev.madang.insight;

import dev.madang.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Owners' figures for staff and admins: the overview and each of its tables as CSV. */
@RestController
@RequestMapping(path = "/api/v1/insights")
class InsightApi {

	private final InsightFigures figures;

	private final InsightRequest requests;

	InsightApi(InsightFigures figures, InsightRequest requests) {
		this.figures = figures;
		this.requests = requests;
	}

	@Operation(summary = "Pain points and support figures for a period (default: the last 30 days) and area")
	@GetMapping(path = "/overview", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Overview> overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String area, ServerWebExchange exchange) {
		return overviewFor(from, to, area, exchange);
	}

	@Operation(summary = "One table of the overview as CSV: areas, tags, unresolved, articles, searches, emerging or surveys")
	@GetMapping("/export/{table}.csv")
	Mono<ResponseEntity<String>> export(@PathVariable String table, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String area,
			ServerWebExchange exchange) {
		java.util.function.Function<Overview, String> writer = switch (table) {
			case "areas" -> InsightCsv::areas;
			case "tags" -> InsightCsv::tags;
			case "unresolved" -> InsightCsv::unresolved;
			case "articles" -> InsightCsv::articles;
			case "searches" -> InsightCsv::searches;
			case "emerging" -> InsightCsv::emerging;
			case "surveys" -> InsightCsv::surveys;
			default -> throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-table", "Unknown table",
					"Tables are areas, tags, unresolved, articles, searches, emerging and surveys.");
		};
		return overviewFor(from, to, area, exchange).map((overview) -> ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"madang-" + table + "-"
					+ overview.from().toString().substring(0, 10) + "-" + overview.to().toString().substring(0, 10)
					+ ".csv\"")
			.body(writer.apply(overview)));
	}

	private Mono<Overview> overviewFor(String from, String to, String area, ServerWebExchange exchange) {
		return Mono.defer(() -> {
			Period period = this.requests.period(from, to);
			return this.requests.area(area).flatMap((slug) -> this.figures.overview(period, slug.isEmpty() ? null : slug,
					exchange.getLocaleContext().getLocale().getLanguage()));
		});
	}

}
