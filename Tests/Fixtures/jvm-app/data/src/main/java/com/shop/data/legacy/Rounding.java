package com.shop.data.legacy;

public final class Rounding {
    public static int round(int cents) {
        return cents;
    }
}
