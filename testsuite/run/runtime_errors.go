// Run-time panics recover as gc's runtime error values: each implements
// runtime.Error, and Error() is the text gc prints.
package main

import "runtime"

type I interface{ M() }
type J interface{ N() }
type T struct{}

func (T) M() {}

var (
	zero  int
	neg   = -1
	five  = 5
	two   = 2
	sl    = []int{1, 2, 3}
	str   = "abc"
	arr   [3]int
	nilp  *int
	nilm  map[string]int
	iface I = T{}
	eface interface{} = "str"
	empty interface{}
	fn    = func() {}
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		e, ok := r.(runtime.Error)
		if !ok {
			println(name, "not a runtime.Error")
			return
		}
		var err error = e
		println(name+":", err.Error())
	}()
	f()
}

func main() {
	try("index", func() { _ = sl[five] })
	try("index negative", func() { _ = sl[neg] })
	try("index array", func() { _ = arr[five] })
	try("index string", func() { _ = str[five] })
	try("slice len", func() { _ = str[:five] })
	try("slice cap", func() { _ = sl[:five] })
	try("slice b", func() { _ = sl[five-1:] })
	try("slice b negative", func() { _ = sl[neg:] })
	try("slice3 cap", func() { _ = sl[:1:five] })
	try("slice3 b", func() { _ = sl[:five:two] })
	try("slice3 c", func() { _ = sl[two:1:2] })
	try("convert", func() { _ = (*[4]int)(sl) })
	try("divide", func() { _ = five / zero })
	try("nil", func() { _ = *nilp })
	try("shift", func() { _ = five << neg })
	try("nil map", func() { nilm["a"] = 1 })
	try("uncomparable", func() { _ = interface{}(fn) == interface{}(fn) })
	try("unhashable", func() { m := map[interface{}]int{}; m[fn] = 1 })
	try("makeslice", func() { _ = make([]int, neg) })
	try("assert E2T", func() { _ = eface.(int) })
	try("assert I2T", func() { _ = iface.(*T) })
	try("assert nil", func() { _ = empty.(int) })
	try("assert E2I", func() { _ = eface.(I) })
	try("assert I2I", func() { _ = iface.(J) })
	try("value", func() { panic("not an error") })

}
