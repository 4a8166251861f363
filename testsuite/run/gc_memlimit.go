// A memory limit below the live heap does not kill the program: the heap
// grows past it (the limit is soft) and collections go on; the limit is
// read back by SetMemoryLimit(-1).
// env: GOMEMLIMIT=8MiB
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var keep [][]byte
var sink []byte

func main() {
	fmt.Println(debug.SetMemoryLimit(-1))
	for i := 0; i < 3000; i++ {
		keep = append(keep, make([]byte, 10000))
		sink = make([]byte, 10000)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Println(len(keep), m.HeapAlloc > 30<<20, m.NumGC > 0)
	fmt.Println(debug.SetMemoryLimit(1<<40), debug.SetMemoryLimit(-1))
}
