package dev.madang.search.local;

/** A local Elasticsearch node could not be installed, started or stopped; the message says why and what to do. */
public class LocalElasticsearchException extends RuntimeException {

	public LocalElasticsearchException(String message) {
		super(message);
	}

	public LocalElasticsearchException(String message, Throwable cause) {
		super(message, cause);
	}

}
