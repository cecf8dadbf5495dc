package dev.madang.area;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.madang.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The staff-managed list of product areas. Who may change it is decided by the security rules (role staff). */
@Service
public class ProductAreas {

	private final ReactiveMongoTemplate mongo;

	private static final Duration FRESHNESS = Duration.ofSeconds(30);

	private final Clock clock;

	private volatile Mono<List<ProductArea>> cached;

	ProductAreas(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The areas by name; archived ones only when asked. */
	public Flux<ProductArea> list(boolean includeArchived) {
		return all().flatMapIterable((areas) -> areas).filter((area) -> includeArchived || !area.archived());
	}

	/** Every area by slug, for showing names beside questions. */
	public Mono<Map<String, ProductArea>> bySlug() {
		return all().map((areas) -> areas.stream().collect(Collectors.toMap(ProductArea::slug, (area) -> area)));
	}

	/**
	 * The list is small and read on every question page, so it is kept in memory: renewed after this instance changes
	 * it, and at least every {@link #FRESHNESS} for changes made through other instances.
	 */
	private Mono<List<ProductArea>> all() {
		Mono<List<ProductArea>> current = this.cached;
		if (current == null) {
			current = this.mongo.find(new Query().with(Sort.by("name")), ProductArea.class).collectList()
				.cache((areas) -> FRESHNESS, (failure) -> Duration.ZERO, () -> Duration.ZERO);
			this.cached = current;
		}
		return current;
	}

	private <T> Mono<T> changed(Mono<T> write) {
		return write.doOnSuccess((done) -> this.cached = null);
	}

	public Mono<ProductArea> create(AreaRequest request) {
		return changed(this.mongo.insert(new ProductArea(request.slug(), request.name().strip(), blankToNull(request.nameKo()),
				request.isArchived(), this.clock.instant()))
			.onErrorMap(DuplicateKeyException.class, (taken) -> new ProblemException(HttpStatus.CONFLICT, "area-exists",
					"Area exists", "A product area with the slug " + request.slug() + " exists already.")));
	}

	/** Renames or (un)archives an area; its slug stays. */
	public Mono<ProductArea> update(String slug, AreaRequest request) {
		return changed(this.mongo.findAndModify(Query.query(Criteria.where("_id").is(slug)),
				new Update().set("name", request.name().strip())
					.set("nameKo", blankToNull(request.nameKo()))
					.set("archived", request.isArchived()),
				FindAndModifyOptions.options().returnNew(true), ProductArea.class))
			.switchIfEmpty(Mono.error(() -> notFound(slug)));
	}

	public Mono<ProductArea> find(String slug) {
		return list(true).filter((area) -> area.slug().equals(slug)).next()
			.switchIfEmpty(Mono.error(() -> notFound(slug)));
	}

	/** The area a new or edited question may be filed under: it exists and is not archived; none is fine. */
	public Mono<String> requireOpen(String slug) {
		if (slug == null || slug.isBlank()) {
			return Mono.empty();
		}
		return this.mongo.findById(slug, ProductArea.class)
			.filter((area) -> !area.archived())
			.map(ProductArea::slug)
			.switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.BAD_REQUEST, "unknown-area",
					"Unknown product area", "There is no open product area " + slug + ".")));
	}

	private static ProblemException notFound(String slug) {
		return new ProblemException(HttpStatus.NOT_FOUND, "area-not-found", "Product area not found",
				"No product area " + slug + ".");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
