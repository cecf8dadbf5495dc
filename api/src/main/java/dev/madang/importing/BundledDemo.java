package dev.madang.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo community the application carries ({@code classpath:demo/}): slices of the Stack Exchange dumps and the
 * Korean chatbot data set, gzipped, each folder with its {@code SOURCE.txt} and licence. The importers read folders,
 * so the slices are copied out of the jar into a temporary folder for the first start's import.
 */
final class BundledDemo {

	private static final String ROOT = "demo/";

	private BundledDemo() {
	}

	/** A new temporary folder holding the bundled data sets, one sub-folder each; the caller deletes it. */
	static Path extract() {
		try {
			Path folder = Files.createTempDirectory("madang-demo-");
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "*/*")) {
				String url = resource.getURL().toString();
				String relative = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
				if (!resource.isReadable() || relative.endsWith("/")) {
					continue;
				}
				Path target = folder.resolve(relative).normalize();
				if (!target.startsWith(folder)) {
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy the bundled demo community out of the application", ex);
		}
	}

}
