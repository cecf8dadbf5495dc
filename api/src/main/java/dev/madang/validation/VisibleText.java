package dev.madang.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a reader can see: at least one character that is not white space, a control or format character (U+200B,
 * U+FEFF, U+180E …) or a blank filler (U+2800 Braille blank, the Hangul fillers). {@code @NotBlank} lets a title of
 * zero-width spaces through, which lists then show as an empty, unclickable link. Null is invalid.
 */
@Documented
@Constraint(validatedBy = VisibleTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

	String message() default "{jakarta.validation.constraints.NotBlank.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
