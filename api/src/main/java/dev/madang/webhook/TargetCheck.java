package dev.madang.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may post: http or https only, to a host that resolves, and (unless an admin allowed private
 * targets for this webhook) to no loopback, private, link-local, carrier-grade NAT, unique-local or multicast address,
 * so a webhook cannot reach the machine's own services or the internal network (SSRF). Checked when the webhook is
 * saved and again before every delivery, since DNS can change in between.
 */
final class TargetCheck {

	private TargetCheck() {
	}

	/** Why the URL is refused, or empty when it may be used. */
	static Optional<String> refusal(String url, boolean allowPrivate) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.of("webhook-url-invalid");
		}
		if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
				|| uri.getHost() == null || uri.getRawUserInfo() != null) {
			return Optional.of("webhook-url-invalid");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			return Optional.of("webhook-target-unresolvable");
		}
		if (allowPrivate) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				return Optional.of("webhook-target-private");
			}
		}
		return Optional.empty();
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarking)
			return (first == 100 && second >= 64 && second <= 127) || first == 0
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19));
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique-local; an IPv4-mapped address is judged as the IPv4 address it carries.
			if ((bytes[0] & 0xfe) == 0xfc) {
				return true;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
				try {
					return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
		}
		return false;
	}

}
