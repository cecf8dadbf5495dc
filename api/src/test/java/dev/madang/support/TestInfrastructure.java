package dev.madang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.madang.embedded.EmbeddedMongo;
import dev.madang.search.local.LocalElasticsearch;
import dev.madang.search.local.LocalElasticsearchSettings;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One MongoDB-protocol server and one Elasticsearch node per test JVM, shared by every integration test. By default
 * these are mongo-java-server in memory and the real Elasticsearch distribution started locally; with
 * {@code -Dmadang.test.infrastructure=containers} (the {@code containers} Maven profile) they are a MongoDB replica
 * set and an Elasticsearch container through Testcontainers, which needs a Docker engine.
 */
public final class TestInfrastructure {

	private static final boolean CONTAINERS = "containers".equals(System.getProperty("madang.test.infrastructure"));

	private static String mongoUri;

	private static SearchNode search;

	private static MockOAuth2Server oidcProvider;

	private TestInfrastructure() {
	}

	public static synchronized String mongoUri() {
		if (mongoUri == null) {
			mongoUri = CONTAINERS ? startMongoContainer() : startEmbeddedMongo();
		}
		return mongoUri;
	}

	public static synchronized SearchNode search() {
		if (search == null) {
			search = CONTAINERS ? new ContainerNode() : new LocalNode();
			search.start();
			Runtime.getRuntime().addShutdownHook(new Thread(search::stop));
		}
		return search;
	}

	/** A real OIDC provider over HTTP (mock-oauth2-server): discovery, JWKS, authorize and token endpoints. */
	public static synchronized MockOAuth2Server oidcProvider() {
		if (oidcProvider == null) {
			oidcProvider = new MockOAuth2Server();
			oidcProvider.start();
			Runtime.getRuntime().addShutdownHook(new Thread(oidcProvider::shutdown));
		}
		return oidcProvider;
	}

	private static String startEmbeddedMongo() {
		EmbeddedMongo mongo = EmbeddedMongo.inMemory();
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
		return mongo.uri();
	}

	private static String startMongoContainer() {
		MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
		mongo.start();
		return mongo.getReplicaSetUrl("madang");
	}

	private static final class LocalNode implements SearchNode {

		private final LocalElasticsearch node;

		LocalNode() {
			try {
				Path target = Path.of("target").toAbsolutePath();
				Path nodeDir = Files.createTempDirectory(Files.createDirectories(target), "es-node-");
				this.node = new LocalElasticsearch(LocalElasticsearchSettings.under(target.resolve("elasticsearch"), nodeDir));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String url() {
			return this.node.url();
		}

		@Override
		public void stop() {
			this.node.stop();
		}

		@Override
		public void start() {
			this.node.start();
		}

	}

	/** A container bound to a fixed host port, so the application's client finds it again after a restart. */
	private static final class ContainerNode implements SearchNode {

		private final ElasticsearchContainer container;

		private final int hostPort;

		ContainerNode() {
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				this.hostPort = socket.getLocalPort();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
			// The official image plus Madang's analysis plugin (bundled in the search module's jar), as in production.
			String image = new org.testcontainers.images.builder.ImageFromDockerfile("madang-elasticsearch", false)
				.withFileFromClasspath("madang-analysis.zip", "dev/madang/search/local/madang-analysis.zip")
				.withDockerfileFromBuilder((dockerfile) -> dockerfile
					.from("docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
					.copy("madang-analysis.zip", "/tmp/madang-analysis.zip")
					.run("bin/elasticsearch-plugin install --batch file:///tmp/madang-analysis.zip"))
				.get();
			this.container = new ElasticsearchContainer(org.testcontainers.utility.DockerImageName.parse(image)
				.asCompatibleSubstituteFor("docker.elastic.co/elasticsearch/elasticsearch"))
				.withEnv("xpack.security.enabled", "false")
				.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
			this.container.setPortBindings(List.of(this.hostPort + ":9200"));
		}

		@Override
		public String url() {
			return "http://127.0.0.1:" + this.hostPort;
		}

		@Override
		public void stop() {
			this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).exec();
		}

		@Override
		public void start() {
			if (this.container.getContainerId() == null) {
				this.container.start();
			}
			else {
				this.container.getDockerClient().startContainerCmd(this.container.getContainerId()).exec();
			}
		}

	}

}
