package dev.madang.search.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** The {@code madang_korean} tokenizer's settings, as an index definition gives them. */
@AnalysisSettings
public interface KoreanTokenizerSettings {

	/** {@code none}, {@code discard} or {@code mixed} (compounds kept and split: 비밀번호 → 비밀번호, 비밀, 번호). */
	@StringSetting(path = "decompound_mode", defaultValue = "mixed")
	String decompoundMode();

	@BooleanSetting(path = "discard_punctuation", defaultValue = true)
	boolean discardPunctuation();

}
