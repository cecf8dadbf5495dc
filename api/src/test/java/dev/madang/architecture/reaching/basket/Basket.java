package dev.madang.architecture.reaching.basket;

import dev.madang.architecture.reaching.catalog.internal.PriceTable;

/** Reaches into the catalog's internals. */
public class Basket {

	PriceTable prices;

}
