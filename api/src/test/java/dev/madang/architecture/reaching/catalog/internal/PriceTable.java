package dev.madang.architecture.reaching.catalog.internal;

/** Internal to the catalog module: Java lets another package see it, the boundary check must not. */
public class PriceTable {

}
