// Deferred builtins: delete and copy evaluate their operands at the defer
// statement and run when the function returns.
package main

func f() map[int]bool {
	m := map[int]bool{}
	for i := 0; i < 3; i++ {
		m[i] = true
		defer delete(m, i)
	}
	return m
}

func g() []byte {
	b := make([]byte, 3)
	defer copy(b, "xyz")
	return b
}

func main() {
	println(len(f()))
	b := g()
	println(string(b))
}
