package dev.madang.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Slices of the real data sets committed under {@code src/test/resources/fixtures} (cut by
 * {@code DemoDataSlicer}, each folder with its source and licence), so the suite needs nothing beside the clone.
 */
public final class Fixtures {

	private Fixtures() {
	}

	public static Path folder(String name) {
		URL url = Fixtures.class.getResource("/fixtures/" + name);
		if (url == null) {
			throw new IllegalStateException("No test fixture " + name + " under src/test/resources/fixtures");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
