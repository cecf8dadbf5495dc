package dev.madang.thread;

/** Published after a thread was stored with a new version; its searchable copy is now out of date. */
public record ThreadChanged(String threadId) {
}
