// chanstress: 8 producers and 8 consumers move N values each through an
// unbuffered and a buffered channel (chosen by select), while another
// goroutine keeps calling Gosched; every value must arrive
// exactly once, and the program must finish (no hang, no loss, no
// duplicate). Usage: chanstress [N] (default 1000000), GOMAXPROCS as set.
// `make stress` runs it at GOMAXPROCS=2 and 8 with N = 10^6; lit's
// run/chanstress_short.go runs it with N = 10^4.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

const workers = 8

func main() {
	n := 1000000
	if len(os.Args) > 1 {
		if v, err := strconv.Atoi(os.Args[1]); err == nil && v > 0 {
			n = v
		}
	}
	unbuf := make(chan int)
	buf := make(chan int, 64)
	seen := make([]uint32, workers*n)
	go func() { // watchdog: a hang fails instead of timing out silently
		time.Sleep(time.Duration(n/1000+60) * time.Second)
		fmt.Println("FAIL: hang")
		os.Exit(1)
	}()
	var prod, cons sync.WaitGroup
	for p := 0; p < workers; p++ {
		prod.Add(1)
		go func(p int) {
			defer prod.Done()
			for i := 0; i < n; i++ {
				v := p*n + i
				select {
				case unbuf <- v:
				case buf <- v:
				}
			}
		}(p)
	}
	for c := 0; c < workers; c++ {
		cons.Add(1)
		go func(ub, bb chan int) {
			defer cons.Done()
			for ub != nil || bb != nil {
				select {
				case v, ok := <-ub:
					if !ok {
						ub = nil
						continue
					}
					atomic.AddUint32(&seen[v], 1)
				case v, ok := <-bb:
					if !ok {
						bb = nil
						continue
					}
					atomic.AddUint32(&seen[v], 1)
				}
			}
		}(unbuf, buf)
	}
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	prod.Wait()
	close(unbuf)
	close(buf)
	cons.Wait()
	close(stop)
	lost, dup := 0, 0
	for v := 0; v < workers*n; v++ {
		k := seen[v]
		if k == 0 {
			lost++
		} else if k > 1 {
			dup++
		}
	}
	if lost != 0 || dup != 0 {
		fmt.Println("FAIL: lost", lost, "duplicated", dup)
		os.Exit(1)
	}
	fmt.Println("ok", workers*n, "values")
}
