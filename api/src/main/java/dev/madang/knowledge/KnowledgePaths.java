package dev.madang.knowledge;

import dev.madang.thread.Slugs;

/** The knowledge base's URLs. */
public final class KnowledgePaths {

	private KnowledgePaths() {
	}

	public static String article(String id, String title) {
		String slug = Slugs.of(title);
		return "/kb/" + id + "/" + ("question".equals(slug) ? "article" : slug);
	}

}
