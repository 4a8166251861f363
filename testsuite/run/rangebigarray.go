// Range over a large array variable ranges over a copy (memory to memory, not flattened).
package main

var g [10000]int

func main() {
	for i := range g {
		g[i] = i
	}
	s := 0
	for i, v := range g {
		g[9999] = 0
		s += v - i
	}
	println(s)
	var l [3]string
	l[0] = "a"
	for _, v := range l {
		l[1] = "x"
		print(v, ";")
	}
	println()
}
