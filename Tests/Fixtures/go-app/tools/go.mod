// A module of its own inside the shop's tree: its packages are named by this path.
module example.com/shop/tools

go 1.19
