package dev.madang.thread;

/**
 * Credit for content that came from elsewhere (Stack Exchange posts are CC BY-SA): shown on the page with a link.
 *
 * @param site the source site, e.g. {@code cardano.stackexchange.com}
 * @param url the original post
 * @param author the original author's name there
 * @param license e.g. {@code CC BY-SA 4.0}
 */
public record Attribution(String site, String url, String author, String license) {
}
