package dev.madang.knowledge;

/**
 * A post an article was made from: the question or one of its answers, at the revision that was copied. When the
 * post moves past that revision the article is flagged "source changed" for staff to review.
 *
 * @param kind {@code question} or {@code answer}
 */
public record ArticleSource(String threadId, String postId, String kind, String authorId, int revision) {
}
