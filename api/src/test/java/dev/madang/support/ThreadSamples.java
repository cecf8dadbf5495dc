package dev.madang.support;

import java.util.List;
import java.util.Map;

/** Request bodies for starting threads, in the shape a client sends them. */
public final class ThreadSamples {

	private ThreadSamples() {
	}

	public static Map<String, Object> question(String title, String body, String... tags) {
		return Map.of("title", title, "body", body, "tags", List.of(tags));
	}

}
