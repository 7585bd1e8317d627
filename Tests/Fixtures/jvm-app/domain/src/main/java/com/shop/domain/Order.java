package com.shop.domain;

import java.util.List;
import static java.util.Objects.requireNonNull;

/** An order: an id and its lines' prices, in cents. */
public record Order(String id, List<Integer> prices) {
    public Order {
        requireNonNull(id);
    }
}
