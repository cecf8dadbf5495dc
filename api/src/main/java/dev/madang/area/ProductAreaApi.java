package dev.madang.area;

import java.net.URI;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for product areas: anyone lists them, staff manage them. */
@RestController
@RequestMapping(path = "/api/v1/areas", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductAreaApi {

	private final ProductAreas areas;

	ProductAreaApi(ProductAreas areas) {
		this.areas = areas;
	}

	@GetMapping
	Flux<ProductArea> list(@RequestParam(defaultValue = "false") boolean archived) {
		return this.areas.list(archived);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ProductArea>> create(@Valid @RequestBody AreaRequest request) {
		return this.areas.create(request)
			.map((area) -> ResponseEntity.created(URI.create("/api/v1/areas/" + area.slug())).body(area));
	}

	@PutMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ProductArea> update(@PathVariable String slug, @Valid @RequestBody AreaRequest request) {
		return this.areas.update(slug, request);
	}

}
