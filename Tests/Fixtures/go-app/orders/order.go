/* Package orders takes orders; it charges through payments. */
package orders

import (
	"errors"
	"fmt" // printing totals

	pay "example.com/shop/payments"
	"example.com/shop/internal/db"
)

const banner = `import "example.com/shop/cmd/shop"
is text in a raw string, not an import`

// Order is one order.
type Order struct{ Total int }

// New takes an order of n items.
func New(n int) Order {
	if n < 0 {
		panic(errors.New(fmt.Sprint("negative: ", n, '"')))
	}
	_ = db.Open()
	return Order{Total: pay.Charge(n)}
}
