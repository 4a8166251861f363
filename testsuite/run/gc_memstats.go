// runtime.ReadMemStats, debug.ReadGCStats and debug.FreeOSMemory report
// what the collector did: allocations and frees counted, the heap shrinks
// after a collection, forced cycles and pauses recorded, freed memory
// returned to the OS.
// UNSUPPORTED: gcstress
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink [][]byte

func main() {
	var m1, m2 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m1)
	for i := 0; i < 1000; i++ {
		sink = append(sink, make([]byte, 1000))
	}
	runtime.ReadMemStats(&m2)
	fmt.Println("counted:", m2.Mallocs-m1.Mallocs >= 1000, m2.HeapAlloc-m1.HeapAlloc >= 1000000,
		m2.TotalAlloc-m1.TotalAlloc >= 1000000)
	sink = nil
	runtime.GC()
	runtime.ReadMemStats(&m2)
	fmt.Println("collected:", m2.NumGC-m1.NumGC, m2.Frees-m1.Frees >= 1000, m2.HeapAlloc < m1.HeapAlloc+500000,
		m2.NumForcedGC >= 2, m2.PauseTotalNs > 0, m2.LastGC > 0, m2.PauseNs[(m2.NumGC+255)%256] > 0)
	fmt.Println("consistent:", m2.HeapObjects == m2.Mallocs-m2.Frees, m2.HeapSys >= m2.HeapInuse,
		m2.Sys >= m2.HeapSys, m2.NextGC > 0, m2.EnableGC)
	var st debug.GCStats
	debug.ReadGCStats(&st)
	fmt.Println("gcstats:", st.NumGC == int64(m2.NumGC), len(st.Pause) == int(m2.NumGC), st.PauseTotal > 0,
		!st.LastGC.IsZero(), len(st.PauseEnd) == len(st.Pause))
	big := make([]byte, 64<<20)
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	big = nil
	debug.FreeOSMemory()
	runtime.ReadMemStats(&m2)
	fmt.Println("released:", m2.HeapReleased >= 60<<20, m2.HeapIdle >= m2.HeapReleased)
}
