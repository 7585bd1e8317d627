module example.com/shop

go 1.19

require github.com/lib/pq v1.10.9 // the driver
