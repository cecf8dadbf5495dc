package dev.madang.architecture.reaching.catalog;

/** A module's public surface. */
public class Catalog {

}
