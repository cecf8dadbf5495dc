package dev.madang.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import dev.madang.events.DomainEvent;

/** The JSON a webhook receives: the delivery id and the event as the log holds it. */
final class WebhookPayload {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebhookPayload() {
	}

	static String of(String deliveryId, DomainEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("deliveryId", deliveryId);
		body.put("eventId", event.id());
		body.put("type", event.type());
		body.put("subject", event.subject());
		body.put("threadId", event.threadId());
		body.put("actorId", event.actorId());
		body.put("at", event.at().toString());
		body.put("data", event.data());
		return JSON.writeValueAsString(body);
	}

}
