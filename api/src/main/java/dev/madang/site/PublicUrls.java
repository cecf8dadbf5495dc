package dev.madang.site;

import java.nio.charset.StandardCharsets;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/** Absolute addresses of the site's pages, for sitemaps and structured data. */
public final class PublicUrls {

	private PublicUrls() {
	}

	/** {@code scheme://host[:port]} as the request reached us (behind a proxy, with forwarded headers applied). */
	public static String base(ServerWebExchange exchange) {
		java.net.URI uri = exchange.getRequest().getURI();
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/** A path with non-ASCII characters (Korean slugs) percent-encoded, as sitemaps require. */
	public static String encoded(String path) {
		return UriUtils.encodePath(path, StandardCharsets.UTF_8);
	}

}
