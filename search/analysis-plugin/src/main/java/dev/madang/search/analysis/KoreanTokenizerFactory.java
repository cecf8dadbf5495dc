package dev.madang.search.analysis;

import java.util.Locale;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Korean morphological tokenization (Lucene Nori with its bundled mecab-ko-dic dictionary). Latin words pass through
 * as tokens of their own, so product names inside Korean sentences stay searchable.
 */
@NamedComponent("madang_korean")
public class KoreanTokenizerFactory implements TokenizerFactory {

	private final KoreanTokenizer.DecompoundMode mode;

	private final boolean discardPunctuation;

	@Inject
	public KoreanTokenizerFactory(KoreanTokenizerSettings settings) {
		this.mode = KoreanTokenizer.DecompoundMode.valueOf(settings.decompoundMode().toUpperCase(Locale.ROOT));
		this.discardPunctuation = settings.discardPunctuation();
	}

	@Override
	public Tokenizer create() {
		return new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, this.mode, false,
				this.discardPunctuation);
	}

}
