package dev.madang.search.index;

/** What the posts alias pointed at when the application looked. */
public enum IndexState {

	/** This schema's index, ready. */
	READY,

	/** Nothing: this schema's index was just created behind the alias and is empty. */
	CREATED,

	/** An older schema's index, still serving searches until a rebuild builds this schema's and moves the alias. */
	OUTDATED

}
