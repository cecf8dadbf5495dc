package dev.madang.thread;

import java.util.Map;

import dev.madang.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class HomePageTest extends ApiIntegrationTest {

	@Test
	void homePageListsNewestQuestionsInTheReadersLanguageWithTitlesEscaped() {
		asMember().post().uri("/api/v1/threads").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "<b>앱이</b> 자꾸 꺼져요", "body", "재시작해도 같아요"))
			.exchange().expectStatus().isCreated();

		String korean = this.http.get().uri("/").accept(MediaType.TEXT_HTML).header("Accept-Language", "ko-KR")
			.exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(korean).contains("<html lang=\"ko\">", "최신 질문", "&lt;b&gt;앱이&lt;/b&gt; 자꾸 꺼져요")
			.doesNotContain("<b>앱이</b>");

		String english = this.http.get().uri("/").accept(MediaType.TEXT_HTML).header("Accept-Language", "en")
			.exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(english).contains("Newest questions");
	}


	@Test
	void readersSeeQuestionsInTheirLanguageBeforeNewerOnesInTheOther() {
		String english = "Espresso machine pressure drops " + System.nanoTime();
		String korean = "에스프레소 머신 압력이 떨어져요 " + System.nanoTime();
		dev.madang.support.QaSteps.ask(asMember(), english);
		dev.madang.support.QaSteps.ask(asMember(), korean);

		String forEnglish = home("en");
		assertThat(forEnglish).contains(english);
		if (forEnglish.contains(korean)) {
			assertThat(forEnglish.indexOf(english)).isLessThan(forEnglish.indexOf(korean));
		}
		String forKorean = home("ko");
		assertThat(forKorean).contains(korean);
		if (forKorean.contains(english)) {
			assertThat(forKorean.indexOf(korean)).isLessThan(forKorean.indexOf(english));
		}
	}

	private String home(String language) {
		return this.http.get().uri("/").accept(MediaType.TEXT_HTML).header("Accept-Language", language).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

}
