package dev.madang.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * English stemming for lower-cased tokens: possessives removed, then KStem, which keeps real words ("updating" →
 * "update", "syncing" → "sync") where Porter would leave stems like "updat". Korean tokens pass unchanged.
 */
@NamedComponent("madang_english_stem")
public class EnglishStemFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream input) {
		return new KStemFilter(new EnglishPossessiveFilter(input));
	}

}
