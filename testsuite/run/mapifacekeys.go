// Maps with interface{} keys: dynamic values hash and compare by their type and value.
package main

type P struct{ a int }

func main() {
	m := map[interface{}]string{}
	m[1] = "int 1"
	m[int64(1)] = "int64 1"
	m["1"] = "string 1"
	m[1.5] = "float"
	m[true] = "bool"
	m[nil] = "nil"
	p := &P{1}
	m[p] = "ptr"
	m[complex(1, 2)] = "complex"
	println(len(m), m[1], m[int64(1)], m["1"], m[1.5], m[true], m[nil], m[p], m[complex(1, 2)], m[2] == "")
	m[1] = "one"
	var k interface{} = "1"
	delete(m, k)
	println(len(m), m[1])
	_, ok := m[&P{1}]
	println(ok)
}
