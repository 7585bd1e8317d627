// +build tools

// Package gen generates fixtures; it is a module of its own.
package gen

import (
	"example.com/shop/orders"
	// stele:allow ADR-0001 -- the generator fills a scratch database
	_ "github.com/lib/pq"
)

var _ = orders.Order{}
