package dev.madang.architecture.cyclic.orders;

import dev.madang.architecture.cyclic.billing.Invoice;

/** Half of a cycle the boundary check must refuse. */
public class Order {

	Invoice invoice;

}
