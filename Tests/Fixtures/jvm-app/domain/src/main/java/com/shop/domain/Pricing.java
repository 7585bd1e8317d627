/*
 * Prices of an order. Not an import: import com.shop.data.PriceTable;
 */
package com.shop.domain;

import java.math.BigDecimal;
import com.shop.data.PriceTable;

public final class Pricing {
    static final String NOTE = """
        import com.shop.app.Main; is text in a text block
        """;

    public static BigDecimal price(Order order) {
        return PriceTable.lookup(order.id());
    }
}
