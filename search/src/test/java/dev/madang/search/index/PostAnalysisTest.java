package dev.madang.search.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.madang.search.local.LocalElasticsearch;
import dev.madang.search.local.LocalElasticsearchSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posts index analyzes Korean morphologically and English with stemming, on the real local node with Madang's
 * analysis plugin, through the index definition itself ({@code _analyze} on the mapped fields).
 */
class PostAnalysisTest {

	private static LocalElasticsearch node;

	private static RestClientTransport transport;

	private static PostIndex posts;

	@BeforeAll
	static void startNode() throws Exception {
		Path nodeDir = Files.createTempDirectory(Path.of("target"), "node-").toAbsolutePath();
		node = new LocalElasticsearch(LocalElasticsearchSettings.under(
				Path.of("target", "elasticsearch").toAbsolutePath(), nodeDir)).start();
		transport = SearchClients.transport(node.url());
		posts = new PostIndex(SearchClients.asyncClient(transport), "analysis-test");
		assertThat(posts.ensureExists().get()).isEqualTo(IndexState.CREATED);
		assertThat(posts.ensureExists().get()).isEqualTo(IndexState.READY);
	}

	@AfterAll
	static void stopNode() throws Exception {
		transport.close();
		node.stop();
	}

	@Test
	void koreanParticlesAndEndingsAreStrippedAndCompoundsSplit() throws Exception {
		List<String> forgot = tokens("title", "비밀번호를 잊어버렸어요");
		assertThat(forgot).contains("비밀", "번호").doesNotContain("를", "비밀번호를", "어요");
		assertThat(tokens("title", "비밀번호가 안 바뀌어요")).contains("비밀", "번호").doesNotContain("가", "비밀번호가");
		assertThat(tokens("title", "비밀번호")).containsExactly("비밀", "번호");
		assertThat(tokens("title", "결제 수단을 변경하고 싶습니다")).contains("결제", "수단", "변경")
			.doesNotContain("을", "수단을");
	}

	@Test
	void englishIsStemmedWithoutStopWords() throws Exception {
		assertThat(tokens("body", "Syncing stopped after updating the apps"))
			.containsExactly("sync", "stop", "after", "update", "app");
		assertThat(tokens("body", "The user's invoices")).containsExactly("user", "invoice");
	}

	@Test
	void latinProductNamesInsideKoreanSentencesStaySearchable() throws Exception {
		assertThat(tokens("title", "iPhone에서 Madang 앱 알림이 안 와요")).contains("iphone", "madang", "앱", "알림");
	}

	@Test
	void anIndexOfAnOlderSchemaKeepsServingUntilARebuildMovesTheAlias() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/upgrade-test-posts-v1"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"aliases\":{\"upgrade-test-posts\":{\"is_write_index\":true}}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(old.statusCode()).as(old.body()).isEqualTo(200);

		PostIndex upgraded = new PostIndex(SearchClients.asyncClient(transport), "upgrade-test");
		assertThat(upgraded.ensureExists().get()).isEqualTo(IndexState.OUTDATED);
		assertThat(upgraded.indicesBehindAlias().get()).containsExactly("upgrade-test-posts-v1");

		String rebuilt = upgraded.rebuildName(java.time.Instant.now());
		upgraded.createUnaliased(rebuilt).get();
		java.util.Set<String> retired = upgraded.moveAliasTo(rebuilt).get();
		assertThat(retired).containsExactly("upgrade-test-posts-v1");
		assertThat(upgraded.indicesBehindAlias().get()).containsExactly(rebuilt);
		assertThat(upgraded.ensureExists().get()).isEqualTo(IndexState.READY);
		upgraded.delete(retired).get();
		HttpResponse<String> gone = http.send(HttpRequest.newBuilder(URI.create(node.url() + "/upgrade-test-posts-v1"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(gone.statusCode()).isEqualTo(404);
	}

	/** The tokens the field's analyzer makes of the text, asked of the node itself. */
	private static List<String> tokens(String field, String text) throws Exception {
		String body = "{\"field\":\"" + field + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create(node.url() + "/" + posts.alias() + "/_analyze"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> tokens = new ArrayList<>();
		Matcher matcher = Pattern.compile("\"token\":\"([^\"]*)\"").matcher(response.body());
		while (matcher.find()) {
			tokens.add(matcher.group(1));
		}
		return tokens;
	}

}
