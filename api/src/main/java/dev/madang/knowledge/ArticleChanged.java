package dev.madang.knowledge;

/** Published after an article's published version or visibility changed; its searchable copy is out of date. */
public record ArticleChanged(String articleId) {
}
