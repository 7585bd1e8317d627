package com.shop.data;

import java.math.BigDecimal;

public final class PriceTable {
    public static BigDecimal lookup(String id) {
        return BigDecimal.ZERO;
    }
}
