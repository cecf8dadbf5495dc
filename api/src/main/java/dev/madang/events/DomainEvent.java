package dev.madang.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened in the community, as the event log keeps it.
 *
 * @param id unique per event: a relay that appends it twice is recognised by it
 * @param seq its position in the log (0 until it is in the log); consumers read in this order
 * @param type what happened, one of {@link EventType}
 * @param subject the id of what it happened to (a thread, answer, comment, vote, article or account)
 * @param threadId the question thread it concerns, when it concerns one
 * @param actorId the account that did it; null for the system (imports, the reconciler)
 * @param at when it happened
 * @param data the facts a consumer needs beyond those (plain values: strings, numbers, booleans, lists of strings)
 */
public record DomainEvent(String id, long seq, String type, String subject, String threadId, String actorId,
		Instant at, Map<String, Object> data) {

	public DomainEvent {
		data = (data == null) ? Map.of() : Map.copyOf(data);
	}

	/** A new event, not in the log yet. {@code data} takes key, value pairs; null values are left out. */
	public static DomainEvent of(String type, String subject, String threadId, String actorId, Instant at,
			Object... data) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < data.length; i += 2) {
			if (data[i + 1] != null) {
				values.put((String) data[i], data[i + 1]);
			}
		}
		return new DomainEvent(UUID.randomUUID().toString(), 0, type, subject, threadId, actorId, at, values);
	}

	DomainEvent at(long position) {
		return new DomainEvent(this.id, position, this.type, this.subject, this.threadId, this.actorId, this.at,
				this.data);
	}

	public boolean is(String... types) {
		return List.of(types).contains(this.type);
	}

	public String text(String key) {
		Object value = this.data.get(key);
		return (value == null) ? null : value.toString();
	}

	public int number(String key) {
		return (this.data.get(key) instanceof Number value) ? value.intValue() : 0;
	}

	public List<String> texts(String key) {
		return (this.data.get(key) instanceof List<?> values) ? values.stream().map(String::valueOf).toList() : List.of();
	}

}
