package dev.madang.reconcile;

import java.util.List;

/**
 * What a reconciliation run found and repaired.
 *
 * @param postsChecked questions and answers whose score was recomputed from their votes
 * @param scoresFixed posts whose stored score differed
 * @param usersChecked accounts whose reputation was recomputed
 * @param reputationsFixed accounts whose stored reputation differed
 * @param drift one line per repair, e.g. {@code answer 65f…: score 3 → 4}
 */
public record Reconciliation(int postsChecked, int scoresFixed, int usersChecked, int reputationsFixed,
		List<String> drift) {
}
