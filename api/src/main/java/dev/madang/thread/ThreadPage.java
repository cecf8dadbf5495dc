package dev.madang.thread;

import java.util.List;

/**
 * One page of a question list.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record ThreadPage(List<ThreadSummary> items, String nextCursor) {
}
