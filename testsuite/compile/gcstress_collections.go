// Slices, maps and range loops under GOLC_GCSTRESS=1: every allocation
// (makeslice, growslice, makemap, mapassign, mapiterinit, conversions)
// walks the stack and checks every root (slice data pointers, map and
// iterator pointers live across calls, interior pointers from mapiternext).
// RUN: %golc build -o %t %s
// RUN: env GOLC_GCSTRESS=1 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type rec struct {
	name string
	tags []string
}

func main() {
	var recs []rec
	idx := map[string]*rec{}
	for i := 0; i < 300; i++ {
		name := string(rune('a'+i%26)) + string(rune('a'+i/26))
		recs = append(recs, rec{name: name, tags: []string{name, "x"}})
	}
	for i := range recs {
		idx[recs[i].name] = &recs[i]
	}
	total := 0
	for k, r := range idx {
		total += len(k) + len(r.tags)
		r.tags = append(r.tags, string([]byte(k)))
	}
	bs := []byte("hello")
	for i := 0; i < 100; i++ {
		bs = append(bs, "!"...)
	}
	rs := []rune("héllo")
	println(len(idx), total, len(bs), string(rs[1:3]), len(idx["ab"].tags))
}

// CHECK: 300 1200 105 él 3
