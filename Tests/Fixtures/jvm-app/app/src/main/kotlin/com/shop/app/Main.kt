@file:JvmName("ShopMain")

package com.shop.app

import com.shop.data.OrderRepository
import com.shop.domain.Order
import com.shop.domain.totalOf as total

fun main() {
    val repository = OrderRepository()
    val order = Order("o-1", listOf(1200, 350))
    repository.save(order)
    println("saved ${order.id()}: ${total(order)}")
}
