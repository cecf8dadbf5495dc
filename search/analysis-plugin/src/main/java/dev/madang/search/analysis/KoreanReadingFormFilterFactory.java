package dev.madang.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Replaces Hanja with their Hangul reading, so either spelling finds the other. */
@NamedComponent("madang_korean_reading")
public class KoreanReadingFormFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream input) {
		return new KoreanReadingFormFilter(input);
	}

}
