package dev.madang.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code <row .../>} elements of a Stack Exchange dump file, streamed (dumps can be large), as attribute maps. A
 * file may be gzipped ({@code Posts.xml.gz}, as the bundled demo community is).
 */
final class DumpRows {

	private DumpRows() {
	}

	/** The folder's {@code name} file, plain or gzipped, or {@code null} when it has neither. */
	static Path find(Path folder, String name) {
		for (Path candidate : new Path[] { folder.resolve(name), folder.resolve(name + ".gz") }) {
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** The file's bytes, uncompressed when it is gzipped. */
	static InputStream read(Path file) throws IOException {
		InputStream in = Files.newInputStream(file);
		return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
	}

	static Flux<Map<String, String>> of(Path file) {
		return Flux.<Map<String, String>, XMLStreamReader>generate(() -> open(file), (reader, sink) -> {
			try {
				while (reader.hasNext()) {
					if (reader.next() == XMLStreamConstants.START_ELEMENT && "row".equals(reader.getLocalName())) {
						Map<String, String> row = new HashMap<>();
						for (int i = 0; i < reader.getAttributeCount(); i++) {
							row.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
						}
						sink.next(row);
						return reader;
					}
				}
				sink.complete();
			}
			catch (XMLStreamException ex) {
				sink.error(new IllegalArgumentException("Not a readable dump file " + file + ": " + ex.getMessage(), ex));
			}
			return reader;
		}, DumpRows::close).subscribeOn(Schedulers.boundedElastic());
	}

	/** How many rows the file has, for progress and ETA; a fast scan that does not parse XML. */
	static long count(Path file) {
		try (InputStream in = read(file)) {
			byte[] needle = "<row ".getBytes(StandardCharsets.US_ASCII);
			byte[] buffer = new byte[1 << 16];
			long count = 0;
			int matched = 0;
			for (int read; (read = in.read(buffer)) > 0;) {
				for (int i = 0; i < read; i++) {
					matched = (buffer[i] == needle[matched]) ? matched + 1 : ((buffer[i] == needle[0]) ? 1 : 0);
					if (matched == needle.length) {
						count++;
						matched = 0;
					}
				}
			}
			return count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static XMLStreamReader open(Path file) {
		try {
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			return factory.createXMLStreamReader(read(file), "UTF-8");
		}
		catch (IOException | XMLStreamException ex) {
			throw new IllegalArgumentException("Cannot open " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void close(XMLStreamReader reader) {
		try {
			reader.close();
		}
		catch (XMLStreamException ex) {
			// nothing left to do
		}
	}

}
