// GOGC=off (and SetGCPercent(-1)) stops automatic collections; runtime.GC
// still collects; SetGCPercent returns the previous setting and a lower
// one takes effect at once.
// env: GOGC=off
// UNSUPPORTED: gcstress
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

func numgc() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func main() {
	for i := 0; i < 2000; i++ {
		sink = make([]byte, 10000)
	}
	fmt.Println("automatic cycles with GOGC=off:", numgc())
	runtime.GC()
	fmt.Println("after runtime.GC:", numgc())
	fmt.Println(debug.SetGCPercent(50))
	for i := 0; i < 2000; i++ {
		sink = make([]byte, 10000)
	}
	fmt.Println("collects again:", numgc() > 1)
	fmt.Println(debug.SetGCPercent(-1), debug.SetGCPercent(100))
}
