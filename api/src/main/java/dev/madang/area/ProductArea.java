package dev.madang.area;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A part of the product questions are about ("Billing", "Mobile app"), managed by staff. Owners read the community by
 * area; archived areas stay on old questions but take no new ones.
 *
 * @param slug the id, used in URLs and filters ({@code billing})
 * @param nameKo the Korean name, when it differs from {@code name}
 */
@Document("product_areas")
public record ProductArea(@Id String slug, String name, String nameKo, boolean archived, Instant createdAt) {

	/** What a product-area filter in an address may be; anything else is ignored as no filter. */
	public static final String FILTER_PATTERN = "[a-z0-9-]{1,40}";

	/** The name in the reader's language. */
	public String label(String language) {
		return ("ko".equals(language) && this.nameKo != null && !this.nameKo.isBlank()) ? this.nameKo : this.name;
	}

}
