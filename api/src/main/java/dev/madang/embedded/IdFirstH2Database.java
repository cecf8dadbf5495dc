package dev.madang.embedded;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 database of mongo-java-server with collections that answer a query naming an {@code _id} by reading that one
 * document. The stock collection uses its {@code _id} index only when {@code _id} is the query's only field, so every
 * conditional update by id ({@code {_id, version}}, {@code {_id, seq}}, {@code {_id, status}}, a lease's
 * {@code {_id, expiresAt}}) read the whole collection: at 35k threads, each vote, acceptance or edit read them all.
 */
final class IdFirstH2Database extends H2Database {

	/** The names H2Database gives a collection's maps (its constants are not visible here). */
	private static final String DATA_MAP_PREFIX = "databases.";

	private static final String META_MAP_PREFIX = "meta.";

	/**
	 * The store while the superclass's constructor runs: it opens the existing collections through
	 * {@link #openOrCreateCollection} before this class's fields are assigned.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	private final MVStore store;

	private IdFirstH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
		super(databaseName, store, cursors);
		this.store = store;
	}

	static IdFirstH2Database open(String databaseName, MVStore store, CursorRegistry cursors) {
		OPENING.set(store);
		try {
			return new IdFirstH2Database(databaseName, store, cursors);
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
		String fullName = getFullCollectionNamespace(collectionName);
		MVMap<Object, Document> data = mvStore.openMap(DATA_MAP_PREFIX + fullName);
		MVMap<String, Object> meta = mvStore.openMap(META_MAP_PREFIX + fullName);
		return new IdFirstCollection(this, collectionName, options, data, meta, this.cursorRegistry);
	}

	/** Documents are stored by their {@code _id}: a query with a plain {@code _id} has at most that one candidate. */
	static final class IdFirstCollection extends H2Collection {

		IdFirstCollection(H2Database database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			Object id = plainId(query);
			if (id != null) {
				Document candidate = getDocument(id);
				return matchDocumentsFromStream((candidate != null) ? Stream.of(candidate) : Stream.empty(), query,
						orderBy, skip, limit, batchSize, fields);
			}
			List<Object> ids = plainIds(query);
			if (ids != null) {
				Stream<Document> candidates = ids.stream().distinct().map(this::getDocument).filter((found) -> found != null);
				return matchDocumentsFromStream(candidates, query, orderBy, skip, limit, batchSize, fields);
			}
			return super.matchDocuments(query, orderBy, skip, limit, batchSize, fields);
		}

		/**
		 * The ids of a top-level {@code _id: {$in: [...]}} (how the indexer, votes and the event log read a batch by
		 * id) when every one is a plain id and {@code $in} is the only operator on {@code _id}; else null.
		 */
		private List<Object> plainIds(Document query) {
			if (!(query.get(getIdField()) instanceof Document condition) || condition.size() != 1
					|| !(condition.get("$in") instanceof java.util.Collection<?> values)) {
				return null;
			}
			List<Object> ids = new java.util.ArrayList<>(values.size());
			for (Object value : values) {
				if (!(value instanceof String || value instanceof ObjectId)) {
					return null;
				}
				ids.add(value);
			}
			return ids;
		}

		/**
		 * The {@code _id} the query requires, at its top level ({@code {_id: x, version: v}}, as Spring Data sends it) or
		 * in a top-level {@code $and} (as the driver's {@code Filters.and} sends it); null when it requires none. Only
		 * ids whose equality is plain equality: a number would also have to match other numeric types.
		 */
		private Object plainId(Document query) {
			Object id = query.get(getIdField());
			if (id == null && query.get("$and") instanceof List<?> conditions) {
				id = conditions.stream().filter(Document.class::isInstance)
					.map((condition) -> ((Document) condition).get(getIdField()))
					.filter((value) -> value instanceof String || value instanceof ObjectId)
					.findFirst().orElse(null);
			}
			return (id instanceof String || id instanceof ObjectId) ? id : null;
		}

	}

}
