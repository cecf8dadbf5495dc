package dev.madang.search.index;

import java.util.List;
import java.util.Map;

/**
 * The result of one bulk indexing call.
 *
 * @param indexed ids now in the index at their version or a newer one (a version conflict means a newer
 * version is already there, which counts as done)
 * @param failed ids that were not indexed, with the reason; they must be retried
 */
public record BulkOutcome(List<String> indexed, Map<String, String> failed) {

	/** Why the call is not done, for the caller to fail with; {@code null} when every document was indexed. */
	public IllegalStateException refusal() {
		if (this.failed.isEmpty()) {
			return null;
		}
		return new IllegalStateException("Elasticsearch refused " + this.failed.size() + " documents, first: "
				+ this.failed.entrySet().iterator().next());
	}

}
