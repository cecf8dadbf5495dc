package dev.madang.vote;

/** What can be voted on. */
public enum PostType {

	QUESTION, ANSWER

}
