package dev.madang.notification;

import java.util.Arrays;
import java.util.Optional;

/** How a member hears of one kind of notification. Every kind but {@code off} also lands in the in-app inbox. */
enum Delivery {

	/** An email soon after it happens (after the short delay that lets a quick read or edit cancel it). */
	EMAIL,

	/** In the daily digest email. */
	DAILY,

	/** In the weekly digest email. */
	WEEKLY,

	/** In the inbox only. */
	APP,

	/** Not at all. */
	OFF;

	String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static Optional<Delivery> parse(String value) {
		return Arrays.stream(values()).filter((delivery) -> delivery.value().equals(value)).findFirst();
	}

	boolean digest() {
		return this == DAILY || this == WEEKLY;
	}

}
