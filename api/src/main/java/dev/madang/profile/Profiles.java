package dev.madang.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.madang.answer.Answer;
import dev.madang.answer.AnswerService;
import dev.madang.identity.AccountService;
import dev.madang.identity.Role;
import dev.madang.identity.UserAccount;
import dev.madang.reputation.ReputationLedger;
import dev.madang.thread.ForumThread;
import dev.madang.thread.Slugs;
import dev.madang.thread.ThreadFilter;
import dev.madang.thread.ThreadLists;
import dev.madang.thread.ThreadOrder;
import dev.madang.thread.ThreadService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Puts a member's public profile together: account, reputation history, questions and answers. */
@Service
public class Profiles {

	private static final int HISTORY = 50;

	private static final int POSTS = 20;

	private final AccountService accounts;

	private final ReputationLedger ledger;

	private final ThreadLists lists;

	private final AnswerService answers;

	private final ThreadService threads;

	Profiles(AccountService accounts, ReputationLedger ledger, ThreadLists lists, AnswerService answers,
			ThreadService threads) {
		this.accounts = accounts;
		this.ledger = ledger;
		this.lists = lists;
		this.answers = answers;
		this.threads = threads;
	}

	public Mono<Profile> of(String userId) {
		return this.accounts.find(userId).flatMap((account) -> Mono.zip(
				this.ledger.history(userId, HISTORY).collectList(),
				this.lists.list(ThreadOrder.NEWEST, ThreadFilter.byAuthor(userId), null, POSTS),
				answered(userId))
			.map((found) -> new Profile(account.getId(), account.getDisplayName(), account.getReputation(),
					staffRoles(account), account.getCreatedAt(), found.getT1(), found.getT2().items(), found.getT3())));
	}

	private Mono<List<Profile.AnsweredQuestion>> answered(String userId) {
		return this.answers.byAuthor(userId, POSTS).collectList().flatMap((list) -> this.threads
			.findAll(list.stream().map(Answer::getThreadId).distinct().toList())
			.filter((thread) -> !thread.isDeleted())
			.collectMap(ForumThread::getId)
			.map((threadsById) -> list.stream()
				.filter((answer) -> threadsById.containsKey(answer.getThreadId()))
				.map((answer) -> answered(answer, threadsById))
				.toList()));
	}

	private static Profile.AnsweredQuestion answered(Answer answer, Map<String, ForumThread> threadsById) {
		ForumThread thread = threadsById.get(answer.getThreadId());
		return new Profile.AnsweredQuestion(answer.getId(), thread.getId(), thread.getTitle(),
				Slugs.threadPath(thread.getId(), thread.getTitle()) + "#answer-" + answer.getId(), answer.getScore(),
				answer.getId().equals(thread.getAcceptedAnswerId()), answer.getCreatedAt());
	}

	private static List<String> staffRoles(UserAccount account) {
		return account.getRoles().stream().filter((role) -> role != Role.MEMBER)
			.map((role) -> role.name().toLowerCase(Locale.ROOT)).sorted().toList();
	}

}
