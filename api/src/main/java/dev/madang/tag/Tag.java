package dev.madang.tag;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A topic name questions can carry. The name is the id, so two members creating the same tag at once end with one.
 *
 * @param createdBy the member who used it first, or {@code import:<site>} for imported ones
 */
@Document("tags")
public record Tag(@Id String name, String createdBy, Instant createdAt) {
}
