package dev.madang.validation;

import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link VisibleText}. */
public final class VisibleTextValidator implements ConstraintValidator<VisibleText, CharSequence> {

	/** Letters and symbols by category that draw nothing: Braille blank, Hangul fillers, Mongolian vowel separator. */
	private static final Set<Integer> BLANK_FILLERS = Set.of(0x2800, 0x3164, 0x115F, 0x1160, 0xFFA0, 0x180E);

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return hasVisibleText(value);
	}

	private static boolean hasVisibleText(CharSequence value) {
		return value != null && value.codePoints().anyMatch(VisibleTextValidator::visible);
	}

	private static boolean visible(int codePoint) {
		if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || BLANK_FILLERS.contains(codePoint)) {
			return false;
		}
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE && type != Character.SURROGATE;
	}

}
