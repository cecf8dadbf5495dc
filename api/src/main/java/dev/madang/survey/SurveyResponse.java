package dev.madang.survey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One survey asked: its answer, or a null score for "not now". */
@Document("survey_responses")
record SurveyResponse(@Id String id, String kind, String userId, String threadId, String area, Integer score,
		Instant at) {
}
