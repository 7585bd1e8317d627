//go:build cgo && !race

package payments

import (
	_ "embed"
	. "syscall"
)

// Pid is the refunding process.
var Pid = Getpid()
