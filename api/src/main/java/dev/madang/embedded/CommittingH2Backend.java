package dev.madang.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 storage of mongo-java-server, made to keep what it acknowledges: every command commits the store before
 * its reply leaves, so a write the client saw acknowledged survives the process being killed (the stock backend
 * buffers writes and lost 967 of 1,000 acknowledged inserts in such a crash). It also answers {@code hello}, the
 * handshake current drivers and Boot's health check send, as the older {@code isMaster} it knows, and reads a query by
 * {@code _id} as one lookup ({@link IdFirstH2Database}).
 */
final class CommittingH2Backend extends H2Backend {

	static final int RETENTION_MS = 1_000;

	private CommittingH2Backend(MVStore store) {
		super(store);
	}

	static CommittingH2Backend onFile(Path file) {
		return new CommittingH2Backend(openStore(file));
	}

	/**
	 * The store file, opened for many small commits. Each commit writes a small chunk, so chunks thin out fast: at
	 * H2's default target fill rate (90 %) the background writer spent about a third of a core rewriting them even
	 * when idle. 40 % trades some file size for that core; a larger page cache keeps a community of tens of thousands
	 * of posts in memory. Old chunks are kept {@link #RETENTION_MS} before their space is reused: H2's 45 s let the
	 * file grow by orders of magnitude under many small commits, and 0 corrupts the file (a chunk's space reused while
	 * the chunk is still referenced: "Chunk … not found" after 100k imported posts; H2 issues 2752, 4083, 4383).
	 */
	static MVStore openStore(Path file) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(40).cacheSize(64).open();
		store.setRetentionTime(RETENTION_MS);
		return store;
	}

	static CommittingH2Backend inMemoryStore() {
		return new CommittingH2Backend(new MVStore.Builder().open());
	}

	/** Collections that read one document for a query by {@code _id} ({@link IdFirstH2Database}). */
	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return IdFirstH2Database.open(databaseName, getMvStore(), getCursorRegistry());
	}

	/**
	 * A duplicate key is an expected race for callers that rely on unique keys (two clicks casting the same vote, two
	 * imports creating the same record): answered as MongoDB answers it, without the stock handler's ERROR log and
	 * stack trace for each.
	 */
	@Override
	public Document handleMessage(MongoMessage message) {
		try {
			return super.handleMessage(message);
		}
		catch (DuplicateKeyError duplicate) {
			Document error = new Document();
			error.put("$err", duplicate.getMessageWithoutErrorCode());
			error.put("errmsg", duplicate.getMessageWithoutErrorCode());
			error.put("code", duplicate.getCode());
			error.putIfNotNull("codeName", duplicate.getCodeName());
			error.put("ok", 0);
			return error;
		}
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		String effective = "hello".equalsIgnoreCase(command) ? "isMaster" : command;
		try {
			return super.handleCommand(channel, databaseName, effective, query);
		}
		finally {
			// A no-op when the command changed nothing; a failed bulk write may still have stored part of its documents.
			commit();
		}
	}

}
