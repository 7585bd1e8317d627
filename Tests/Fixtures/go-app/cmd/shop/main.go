// Command shop serves the shop.
package main

import (
	"fmt"
	"os"

	"example.com/shop/orders"
)

func main() {
	fmt.Fprintln(os.Stderr, orders.New(3).Total)
}
