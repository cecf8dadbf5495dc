package dev.madang.problem;

/**
 * Strict UTF-8 (RFC 3629) checked as bytes stream by, across buffer boundaries: no overlong forms ({@code C0 AF} is
 * not {@code /}), no surrogates, nothing above U+10FFFF, no truncated sequence at the end. Jackson decodes overlong
 * forms as the character they spell, which let {@code C0 BC} arrive as {@code <}.
 */
final class Utf8Check {

	private int pending;

	private int codePoint;

	private int minimum;

	/** Checks the next bytes; false once the stream is not UTF-8. */
	boolean accept(java.nio.ByteBuffer bytes) {
		for (int i = bytes.position(); i < bytes.limit(); i++) {
			int b = bytes.get(i) & 0xFF;
			if (this.pending == 0) {
				if (b < 0x80) {
					continue;
				}
				if (b >= 0xC2 && b <= 0xDF) {
					start(1, b & 0x1F, 0x80);
				}
				else if (b >= 0xE0 && b <= 0xEF) {
					start(2, b & 0x0F, 0x800);
				}
				else if (b >= 0xF0 && b <= 0xF4) {
					start(3, b & 0x07, 0x10000);
				}
				else {
					return false;
				}
			}
			else {
				if ((b & 0xC0) != 0x80) {
					return false;
				}
				this.codePoint = (this.codePoint << 6) | (b & 0x3F);
				if (--this.pending == 0 && (this.codePoint < this.minimum || this.codePoint > 0x10FFFF
						|| (this.codePoint >= 0xD800 && this.codePoint <= 0xDFFF))) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whether the stream ended on a whole character. */
	boolean complete() {
		return this.pending == 0;
	}

	private void start(int continuation, int bits, int minimum) {
		this.pending = continuation;
		this.codePoint = bits;
		this.minimum = minimum;
	}

}
