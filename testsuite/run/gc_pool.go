// sync.Pool's cleanup runs at every collection: a pooled object survives
// one cycle in the victim cache and is gone after two.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1) // one P: one per-P pool
	n := 0
	p := sync.Pool{New: func() any { n++; return new(int) }}
	x := p.Get().(*int)
	*x = 5
	p.Put(x)
	runtime.GC()
	y := p.Get().(*int)
	fmt.Println("after one GC (victim):", *y, n)
	p.Put(y)
	runtime.GC()
	runtime.GC()
	z := p.Get().(*int)
	fmt.Println("after two GCs:", *z, n)
}
