package dev.madang.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's shared data sets ({@code shared/data} beside the repository), found from wherever the test runs. */
public final class SharedData {

	private SharedData() {
	}

	public static Path folder(String name) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("data").resolve(name);
			if (Files.exists(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No shared/data/" + name + " above " + Path.of("").toAbsolutePath());
	}

}
