package dev.madang.security;

/** Things members earn the right to do with reputation (thresholds in {@code madang.privileges.*}). */
public enum Privilege {

	VOTE_UP, COMMENT, VOTE_DOWN, CREATE_TAG, EDIT_OTHERS

}
