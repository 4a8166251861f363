// runtime/pprof links and works as far as the runtime keeps profiles: a
// CPU profile starts and stops (its header, no samples), labels follow
// the goroutine, the goroutine profile counts goroutines, heap and thread
// profiles write. hash/crc32 (which pprof's gzip output uses) is built from
// its portable file: golc has none of its assembly.
package main

import (
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"runtime/pprof"
)

func main() {
	var buf bytes.Buffer
	fmt.Println(pprof.StartCPUProfile(&buf))
	fmt.Println(pprof.StartCPUProfile(&buf) != nil) // already on
	pprof.StopCPUProfile()
	fmt.Println(buf.Len() > 0)
	pprof.Do(context.Background(), pprof.Labels("k", "v"), func(ctx context.Context) {
		v, ok := pprof.Label(ctx, "k")
		fmt.Println(v, ok)
	})
	fmt.Println(pprof.Lookup("goroutine").Count() >= 1)
	var h bytes.Buffer
	fmt.Println(pprof.WriteHeapProfile(&h), h.Len() > 0)
	fmt.Println(pprof.Lookup("threadcreate").WriteTo(&h, 0))
	fmt.Println(crc32.ChecksumIEEE([]byte("hello, world")))
	fmt.Println(crc32.Checksum([]byte("hello, world"), crc32.MakeTable(crc32.Castagnoli)))
}
