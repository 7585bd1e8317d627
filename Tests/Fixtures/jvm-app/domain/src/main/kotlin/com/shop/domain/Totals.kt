/* A Kotlin comment /* nested */ import com.shop.app.Nope */
package com.shop.domain

// stele:allow ADR-0001 -- the legacy rounding table moves into the domain next sprint
import com.shop.data.legacy.Rounding
import kotlin.math.max

fun totalOf(order: Order): Int {
    val text = "${order.id()} has ${"${order.prices().size}"} lines; import com.shop.app.Nope"
    return max(0, Rounding.round(order.prices().sum()))
}
