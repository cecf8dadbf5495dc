package dev.madang.post;

/** A post's stored score and the part of it imported from another site (the rest is the sum of its votes). */
public record PostScore(String postId, int score, int importedScore) {
}
