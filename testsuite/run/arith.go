// Integer arithmetic with Go's exact semantics: wraparound, truncating
// division, MinInt / -1, shifts past the width, unsigned and sized types.
package main

func div(a, b int) (int, int) { return a / b, a % b }

func shl(x int64, s uint) int64  { return x << s }
func shr(x int64, s uint) int64  { return x >> s }
func ushr(x uint8, s uint) uint8 { return x >> s }

func main() {
	println(7/2, -7/2, 7%3, -7%3, 7%-3)
	q, r := div(-9223372036854775807-1, -1)
	println(q, r)
	var i8 int8 = 127
	i8++
	println(i8)
	var u uint32 = 0
	u--
	println(u)
	var u8 uint8 = 200
	println(u8+100, u8*2)
	println(shl(1, 3), shl(1, 63), shl(1, 64), shl(1, 200))
	println(shr(-8, 1), shr(-8, 70), shr(8, 70))
	println(ushr(255, 3), ushr(255, 8))
	x := 0xFF
	println(x&0x0F, x|0x100, x^0x0F, x&^0x0F, ^x, -x)
	const big = 1 << 100
	println(big >> 98)
	var f float64 = 7
	println(f/2, int(f/2), float32(1)/3)
	println(int64(int32(-5)), uint64(uint8(300&0xFF)), int8(-1) < 0)
}
