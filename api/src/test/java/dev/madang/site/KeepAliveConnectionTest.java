package dev.madang.site;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the HTTP server the app runs on (Reactor Netty): on a keep-alive connection, a request that arrives while the
 * previous one is still finishing is queued, and the connection must go on reading after it. Reactor Netty 1.3.6
 * stopped reading there (reactor-netty#4361), so the next request hung: CI saw a browser test and an API test wait out
 * their timeouts. The parent pom pins a version that resumes the read.
 */
class KeepAliveConnectionTest {

	@Test
	void everyRequestOnAKeepAliveConnectionIsAnsweredAfterAQueuedOne() throws Exception {
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
			.handle((request, response) -> response.sendString(request.uri().equals("/first")
					? Mono.delay(Duration.ofMillis(50)).thenReturn("ok") : Mono.just("ok")))
			.bindNow(Duration.ofSeconds(5));
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(3_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			// The second request arrives while the first is still being answered, so it is queued...
			send(out, "/first");
			send(out, "/second");
			assertThat(answered(in, 2)).isEqualTo(2);
			// ...and a request sent after both answers must still be read.
			send(out, "/third");
			assertThat(answered(in, 1)).isEqualTo(1);
		}
		finally {
			server.disposeNow();
		}
	}

	private static void send(OutputStream out, String path) throws java.io.IOException {
		out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** How many complete "ok" responses arrive before the connection goes quiet for the socket timeout. */
	private static int answered(InputStream in, int expected) throws Exception {
		StringBuilder received = new StringBuilder();
		byte[] buffer = new byte[4096];
		try {
			while (count(received) < expected) {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				received.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
			}
		}
		catch (SocketTimeoutException quiet) {
			// The hang this test is about: fewer answers than requests.
		}
		return count(received);
	}

	private static int count(CharSequence received) {
		return received.toString().split("HTTP/1.1 200", -1).length - 1;
	}

}
