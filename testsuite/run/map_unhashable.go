// Unhashable interface keys panic on lookup, comma-ok lookup, delete and
// assignment, even when the map is nil or empty (gc hashes such keys first).
package main

func try(name string, f func()) {
	defer func() { println(name, recover() != nil) }()
	f()
}

func main() {
	m := map[interface{}]int{}
	k := []int{}
	try("index", func() { _ = m[k] })
	try("commaok", func() { _, _ = m[k] })
	try("delete", func() { delete(m, k) })
	try("assign", func() { m[k] = 1 })
	try("read", func() { x := m[k]; _ = x })
}

func init() {
	var nilmap map[interface{}]bool
	try("nil map", func() { _ = nilmap[[]int{}] })
	try("hashable key", func() { _ = nilmap[1] })
}
