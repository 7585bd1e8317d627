package com.shop.data;

import com.shop.domain.Order;
import java.util.*;

public class OrderRepository {
    private final Map<String, Order> orders = new HashMap<>();

    public void save(Order order) {
        orders.put(order.id(), order);
    }
}
