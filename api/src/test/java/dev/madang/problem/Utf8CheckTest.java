package dev.madang.problem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8CheckTest {

	@Test
	void wellFormedTextPassesEvenSplitAcrossBuffers() {
		byte[] text = "마당 ✓ 😀 plain".getBytes(StandardCharsets.UTF_8);
		for (int split = 0; split <= text.length; split++) {
			Utf8Check check = new Utf8Check();
			assertThat(check.accept(ByteBuffer.wrap(text, 0, split))).isTrue();
			assertThat(check.accept(ByteBuffer.wrap(text, split, text.length - split))).isTrue();
			assertThat(check.complete()).isTrue();
		}
	}

	@Test
	void overlongFormsSurrogatesAndOutOfRangeAreRefused() {
		for (int[] bad : new int[][] { { 0xC0, 0xAF }, { 0xC0, 0xBC }, { 0xC1, 0xBF }, { 0xE0, 0x80, 0xAF },
				{ 0xF0, 0x80, 0x80, 0xAF }, { 0xED, 0xA0, 0x80 }, { 0xF4, 0x90, 0x80, 0x80 }, { 0xF5, 0x80, 0x80, 0x80 },
				{ 0xFF }, { 0x80 }, { 0xE2, 0x41 } }) {
			byte[] bytes = new byte[bad.length];
			for (int i = 0; i < bad.length; i++) {
				bytes[i] = (byte) bad[i];
			}
			assertThat(new Utf8Check().accept(ByteBuffer.wrap(bytes))).as(java.util.Arrays.toString(bad)).isFalse();
		}
	}

	@Test
	void aSequenceCutOffAtTheEndIsIncomplete() {
		Utf8Check check = new Utf8Check();
		assertThat(check.accept(ByteBuffer.wrap(new byte[] { 'a', (byte) 0xEB, (byte) 0xA7 }))).isTrue();
		assertThat(check.complete()).isFalse();
	}

}
