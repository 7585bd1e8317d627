// Package payments charges cards.
package payments

import (
	"strconv"

	"example.com/shop/orders"
)

// Charge charges n units.
func Charge(n int) int {
	_ = strconv.Itoa(n)
	_ = orders.Order{}
	return n
}
