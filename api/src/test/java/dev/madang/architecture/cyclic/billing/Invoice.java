package dev.madang.architecture.cyclic.billing;

import dev.madang.architecture.cyclic.orders.Order;

/** The other half of the cycle. */
public class Invoice {

	Order order;

}
