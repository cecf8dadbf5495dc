package dev.madang.search.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the node's files go when root starts it for the service user: the configured folders when that user can
 * reach them, else a folder of its own under {@value #SERVICE_ROOT}, named after the configured one so each data
 * folder keeps its own node across restarts. Root's home is {@code drwx------} on Debian, so a clone there is out of
 * the service user's reach, and the permissions of folders Madang did not create are not its to change.
 *
 * @param installRoot where the distribution is unpacked
 * @param nodeDir the node's data, logs and config
 */
record Placement(Path installRoot, Path nodeDir) {

	static final Path SERVICE_ROOT = Path.of("/var/lib/madang-es");

	private static final Logger log = LoggerFactory.getLogger(Placement.class);

	static Placement reachableBy(String user, LocalElasticsearchSettings settings) {
		Path installRoot = settings.installRoot().toAbsolutePath().normalize();
		Path nodeDir = settings.nodeDir().toAbsolutePath().normalize();
		if (traversableByOthers(installRoot) && traversableByOthers(nodeDir)) {
			return new Placement(installRoot, nodeDir);
		}
		Placement moved = new Placement(SERVICE_ROOT.resolve("dist"),
				SERVICE_ROOT.resolve("nodes").resolve(nodeDir.getFileName() + "-" + shortHash(nodeDir.toString())));
		openToOthers(SERVICE_ROOT, moved.installRoot(), moved.nodeDir().getParent());
		log.info("The user {} cannot reach {} (a parent folder is closed to other users): the local Elasticsearch node "
				+ "keeps its files in {} instead", user, nodeDir, moved.nodeDir());
		return moved;
	}

	/** Creates the folders Madang owns above the node's, traversable whatever root's umask is. */
	private static void openToOthers(Path... folders) {
		try {
			for (Path folder : folders) {
				Files.createDirectories(folder);
				Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}
		catch (IOException ex) {
			throw new LocalElasticsearchException("Could not create " + SERVICE_ROOT + " for the local Elasticsearch "
					+ "node: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether every existing folder above {@code path} lets other users through ({@code o+x}); folders still to be
	 * created are made by root with the default {@code 0755}.
	 */
	static boolean traversableByOthers(Path path) {
		for (Path folder = path.getParent(); folder != null; folder = folder.getParent()) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
				if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return false;
				}
			}
			catch (IOException | UnsupportedOperationException ex) {
				return false;
			}
		}
		return true;
	}

	private static String shortHash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
