package dev.madang.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Drops particles, endings and other parts of speech that carry no meaning for search (Nori's default stop tags), so
 * "비밀번호를" and "비밀번호가" both leave "비밀번호".
 */
@NamedComponent("madang_korean_pos")
public class KoreanPartOfSpeechFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream input) {
		return new KoreanPartOfSpeechStopFilter(input);
	}

}
