package dev.madang.search;

import java.util.List;

import dev.madang.search.index.PostIndex;
import dev.madang.post.SearchSource;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** What the admin API and page show of the search index, and the rebuild they start in the background. */
@Component
class SearchAdministration {

	private final PostIndex posts;

	private final SearchRebuild rebuild;

	private final List<SearchSource> sources;

	SearchAdministration(PostIndex posts, SearchRebuild rebuild, List<SearchSource> sources) {
		this.posts = posts;
		this.rebuild = rebuild;
		this.sources = sources;
	}

	Mono<SearchIndexView> view() {
		return Mono.zip(Mono.fromFuture(this.posts::indicesBehindAlias), Mono.fromFuture(this.posts::count),
				SearchIndexer.backlog(this.sources))
			.map((figures) -> new SearchIndexView(this.posts.alias(), figures.getT1(), figures.getT2(), figures.getT3(),
					this.rebuild.status()));
	}

	/** Starts a rebuild that outlives the request; refuses at once when one runs here already. */
	Mono<RebuildStatus> startRebuild() {
		if (this.rebuild.status().running()) {
			return Mono.error(new RebuildRunningException());
		}
		this.rebuild.start().onErrorComplete().subscribe();
		return Mono.fromSupplier(this.rebuild::status);
	}

}
