package dev.madang.importing;

/** What one import run read and what is now stored (re-running counts the same rows and creates nothing new). */
public record ImportReport(String site, long users, long questions, long answers, long accepted, long duplicateLinks,
		long comments) {

	@Override
	public String toString() {
		return String.format("%s: %,d users, %,d questions, %,d answers, %,d accepted, %,d duplicate links, %,d comments",
				this.site, this.users, this.questions, this.answers, this.accepted, this.duplicateLinks, this.comments);
	}

}
