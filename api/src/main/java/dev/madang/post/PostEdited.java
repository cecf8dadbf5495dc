package dev.madang.post;

import java.util.List;

/**
 * A question or answer was saved at a new revision, and knowledge-base articles were made from its thread: they may
 * have to be reviewed.
 */
public record PostEdited(String postId, int revision, List<String> articleIds) {
}
