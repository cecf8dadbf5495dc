package dev.madang.support;

/** The Elasticsearch node the tests share; tests may stop and start it to simulate an outage. */
public interface SearchNode {

	String url();

	void stop();

	void start();

}
