// Shift assignments: x <<= n, x >>= n with Go's semantics past the width.
package main

func main() {
	x := 1
	var n uint = 3
	x <<= n
	x <<= 2
	y := int8(-64)
	y >>= 3
	var u uint8 = 0xF0
	u >>= 9
	z := int64(1)
	z <<= 70
	println(x, y, u, z)
}
