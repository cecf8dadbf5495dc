package dev.madang.search.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the judged data sets of {@code ../shared/data}: Stack Exchange linked/duplicate pairs and ParaKQC. */
final class DataSets {

	private static final Pattern TAG = Pattern.compile("<[^>]+>");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private DataSets() {
	}

	/**
	 * One site's questions (with their answers' text) and, as queries, the titles of the site's linked or duplicate
	 * pairs whose both posts are in the dump: the query is one question's title, the answer the other question.
	 */
	static Judgements stackExchange(Path data, String site, String linkType) throws IOException, XMLStreamException {
		Map<String, String[]> questions = new LinkedHashMap<>();
		Map<String, List<String[]>> answers = new HashMap<>();
		try (InputStream in = Files.newInputStream(data.resolve(site).resolve("Posts.xml"))) {
			XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in, "UTF-8");
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
					String type = xml.getAttributeValue(null, "PostTypeId");
					String id = xml.getAttributeValue(null, "Id");
					String body = text(xml.getAttributeValue(null, "Body"));
					if ("1".equals(type)) {
						questions.put(id, new String[] { xml.getAttributeValue(null, "Title"), body,
								xml.getAttributeValue(null, "AcceptedAnswerId"), xml.getAttributeValue(null, "Score") });
					}
					else if ("2".equals(type)) {
						answers.computeIfAbsent(xml.getAttributeValue(null, "ParentId"), (parent) -> new ArrayList<>())
							.add(new String[] { id, body });
					}
				}
			}
		}
		List<Judgements.Doc> documents = new ArrayList<>();
		questions.forEach((id, question) -> {
			String solution = null;
			StringBuilder others = new StringBuilder();
			for (String[] answer : answers.getOrDefault(id, List.of())) {
				if (answer[0].equals(question[2])) {
					solution = answer[1];
				}
				else {
					others.append(answer[1]).append("\n\n");
				}
			}
			documents.add(new Judgements.Doc(id, question[0], question[1], solution, others.toString(),
					question[2] != null, (question[3] != null) ? Integer.parseInt(question[3]) : 0));
		});
		List<Judgements.Judged> queries = new ArrayList<>();
		for (String line : Files.readAllLines(data.resolve("se-postlinks-pairs/postlinks_pairs.tsv"),
				StandardCharsets.UTF_8)) {
			String[] cells = line.split("\t");
			if (cells.length < 8 || !cells[0].equals(site) || !cells[2].equals(linkType) || !"yes".equals(cells[7])
					|| !questions.containsKey(cells[3]) || !questions.containsKey(cells[5])) {
				continue;
			}
			queries.add(new Judgements.Judged(questions.get(cells[3])[0], cells[5], cells[3]));
		}
		return new Judgements(site + " " + linkType, documents, queries);
	}

	/**
	 * ParaKQC: each block of ten lines is one set of paraphrases. The first sentence of each set is indexed (as a
	 * question's title); the other nine are queries whose answer is that document.
	 */
	static Judgements paraKqc(Path data) throws IOException {
		List<String> lines = Files.readAllLines(data.resolve("ko-parakqc/paraKQC_v1.txt"), StandardCharsets.UTF_8);
		List<Judgements.Doc> documents = new ArrayList<>();
		List<Judgements.Judged> queries = new ArrayList<>();
		for (int start = 0; start + 10 <= lines.size(); start += 10) {
			String id = "set-" + (start / 10);
			documents.add(new Judgements.Doc(id, sentence(lines.get(start)), "", null, "", false, 0));
			for (int i = 1; i < 10; i++) {
				queries.add(new Judgements.Judged(sentence(lines.get(start + i)), id, null));
			}
		}
		return new Judgements("ko-parakqc", documents, queries);
	}

	private static String sentence(String line) {
		String[] cells = line.split("\t");
		return cells[cells.length - 1].strip();
	}

	/** The text of a post's HTML body: tags dropped, the common entities decoded. */
	private static String text(String html) {
		if (html == null) {
			return "";
		}
		String plain = TAG.matcher(html).replaceAll(" ")
			.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&amp;", "&");
		return SPACE.matcher(plain).replaceAll(" ").strip();
	}

}
