// Untyped constants take their type from context: non-constant shifts of
// untyped constants, comparisons with nil, constant arithmetic beyond 64 bits.
package main

const huge = 1 << 100

func main() {
	x := uint(3)
	var a int64 = 1 << x
	b := 1 << x
	var c uint8 = 1 << x
	println(a, b, c, -(1 << x) <= 5)
	var s []int
	var p *int
	println(s == nil, nil == p, p != nil)
	println(huge>>90, huge/(1<<99), 'a'+1, 7/2.0)
	const f = 1.0 / 3
	println(f*3 == 1, int64(f*3))
	var u8 uint8 = 255
	println(^u8, ^0)
}
