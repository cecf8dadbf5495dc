package dev.madang.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-protocol server (mongo-java-server) on 127.0.0.1, storing to a durable H2 file or, for tests, in memory.
 * It serves the embedded default when no external MongoDB is configured.
 */
public final class EmbeddedMongo implements AutoCloseable {

	public static final String DATABASE = "madang";

	private final MongoServer server;

	private final InetSocketAddress address;

	private EmbeddedMongo(MongoBackend backend, int port) {
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", port);
		this.address = this.server.getLocalAddress();
	}

	/** Stores in {@code file}; every acknowledged write is on disk before its reply is sent. */
	public static EmbeddedMongo onFile(Path file, int port) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not create the folder for " + file + ": " + ex.getMessage(), ex);
		}
		try {
			return new EmbeddedMongo(CommittingH2Backend.onFile(file), port);
		}
		catch (org.h2.mvstore.MVStoreException ex) {
			throw new IllegalStateException("Could not open the embedded storage " + file + ": " + ex.getMessage()
					+ ". Is another Madang already running on this data folder? Stop it, or set madang.embedded.data-dir.",
					ex);
		}
	}

	public static EmbeddedMongo inMemory() {
		return new EmbeddedMongo(CommittingH2Backend.inMemoryStore(), 0);
	}

	public String uri() {
		return "mongodb://127.0.0.1:" + this.address.getPort() + "/" + DATABASE;
	}

	@Override
	public void close() {
		this.server.shutdownNow();
	}

	/** Runs the server alone: {@code EmbeddedMongo <file> [port]}; prints {@code READY <uri>} once it listens. */
	public static void main(String[] args) throws InterruptedException {
		EmbeddedMongo mongo = onFile(Path.of(args[0]), (args.length > 1) ? Integer.parseInt(args[1]) : 0);
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
		System.out.println("READY " + mongo.uri());
		System.out.flush();
		Thread.currentThread().join();
	}

}
